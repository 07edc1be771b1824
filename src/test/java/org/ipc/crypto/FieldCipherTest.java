package org.ipc.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Sealing with AES-GCM under a data key with an id: values open, refuse tampering, and move to a new key. */
class FieldCipherTest {

    private static final String K1 = Base64.getEncoder().encodeToString("first-data-key-0123456789abcdefg".getBytes());
    private static final String K2 = Base64.getEncoder().encodeToString("second-data-key-0123456789abcdef".getBytes());

    private static FieldCipher cipher(String id, String secret, String... retired) {
        return new FieldCipher(new DataKeyConfig() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String secret() {
                return secret;
            }

            @Override
            public Optional<List<String>> retired() {
                return retired.length == 0 ? Optional.empty() : Optional.of(List.of(retired));
            }
        });
    }

    @Test
    void aSealedValueOpensAndShowsNothingOfThePlaintext() {
        FieldCipher cipher = cipher("k1", K1);
        String sealed = cipher.seal("passport", "X12344321");
        assertThat(sealed).startsWith("ipc1.k1.").doesNotContain("X12344321").doesNotContain("4321");
        assertThat(cipher.open("passport", sealed)).isEqualTo("X12344321");
        assertThat(cipher.seal("passport", "X12344321")).as("a fresh nonce every time").isNotEqualTo(sealed);
    }

    @Test
    void aChangedValueOrAnotherPurposeDoesNotOpen() {
        FieldCipher cipher = cipher("k1", K1);
        String sealed = cipher.seal("passport", "X12344321");
        int middle = sealed.length() - 12;
        char ch = sealed.charAt(middle);
        String changed = sealed.substring(0, middle) + (ch == 'A' ? 'B' : 'A') + sealed.substring(middle + 1);
        assertThatThrownBy(() -> cipher.open("passport", changed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open("document-key", sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher("k2", K2).open("passport", sealed)).hasMessageContaining("k1");
    }

    @Test
    void afterARotationOldValuesStillOpenAndResealToTheNewKey() {
        String sealedUnderK1 = cipher("k1", K1).seal("passport", "X12344321");
        FieldCipher rotated = cipher("k2", K2, "k1:" + K1);
        assertThat(rotated.isCurrent(sealedUnderK1)).isFalse();
        assertThat(rotated.open("passport", sealedUnderK1)).isEqualTo("X12344321");

        String resealed = rotated.reseal("passport", sealedUnderK1);
        assertThat(resealed).startsWith("ipc1.k2.");
        assertThat(rotated.isCurrent(resealed)).isTrue();
        assertThat(cipher("k2", K2).open("passport", resealed)).as("the old key is no longer needed")
                .isEqualTo("X12344321");
    }

    @Test
    void aWrongKeyStopsTheServiceFromStarting() {
        assertThatThrownBy(() -> cipher("k1", "c2hvcnQ=")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> cipher("k 1", K1)).hasMessageContaining("ipc.data-key.id");
        assertThatThrownBy(() -> cipher("k1", "not base64!")).hasMessageContaining("Base64")
                .hasMessageNotContaining("not base64!");
    }

    @Test
    void masksShowOnlyTheLastFour() {
        assertThat(Masks.lastFour("X12344321")).isEqualTo("•••••4321");
        assertThat(Masks.lastFour("123")).isEqualTo("•••••");
    }
}

package org.ipc.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.ipc.common.SealedValueRefusedException;
import org.ipc.testing.UnboundSeals;
import org.junit.jupiter.api.Test;

/**
 * Sealing with AES-GCM under a data key with an id, bound to the table, row and field that keep the value: values open
 * there and nowhere else, refuse tampering, move to a new key, and values sealed before they were bound are bound.
 */
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

    private static final FieldCipher.Binding LETTER_A = FieldCipher.Binding.of("visa_letter", "a", "passport_sealed");
    private static final FieldCipher.Binding LETTER_B = FieldCipher.Binding.of("visa_letter", "b", "passport_sealed");

    @Test
    void aSealedValueOpensWhereItIsKeptAndShowsNothingOfThePlaintext() {
        FieldCipher cipher = cipher("k1", K1);
        String sealed = cipher.seal(LETTER_A, "X12344321");
        assertThat(sealed).startsWith("ipc2.k1.").doesNotContain("X12344321").doesNotContain("4321");
        assertThat(cipher.open(LETTER_A, sealed)).isEqualTo("X12344321");
        assertThat(cipher.seal(LETTER_A, "X12344321")).as("a fresh nonce every time").isNotEqualTo(sealed);
    }

    @Test
    void aValueMovedToAnotherRowTableOrFieldOrChangedDoesNotOpenAndSaysWhereNotWhat() {
        FieldCipher cipher = cipher("k1", K1);
        String sealed = cipher.seal(LETTER_A, "X12344321");
        assertThatThrownBy(() -> cipher.open(LETTER_B, sealed)).isInstanceOf(SealedValueRefusedException.class)
                .hasMessageContaining("visa_letter b passport_sealed").hasMessageNotContaining("X1234");
        assertThatThrownBy(() -> cipher.open(FieldCipher.Binding.of("visa_companion", "a", "passport_sealed"), sealed))
                .isInstanceOf(SealedValueRefusedException.class);
        assertThatThrownBy(() -> cipher.open(FieldCipher.Binding.of("visa_letter", "a", "other"), sealed))
                .isInstanceOf(SealedValueRefusedException.class);
        int middle = sealed.length() - 12;
        char ch = sealed.charAt(middle);
        String changed = sealed.substring(0, middle) + (ch == 'A' ? 'B' : 'A') + sealed.substring(middle + 1);
        assertThatThrownBy(() -> cipher.open(LETTER_A, changed)).isInstanceOf(SealedValueRefusedException.class);
        assertThatThrownBy(() -> cipher("k2", K2).open(LETTER_A, sealed)).isInstanceOf(SealedValueRefusedException.class);
    }

    @Test
    void aValueSealedBeforeRowsWereBoundOpensOnlyToBeBoundToItsRow() {
        FieldCipher cipher = cipher("k2", K2, "k1:" + K1);
        String unbound = UnboundSeals.seal("k1", K1, "passport", "X12344321");
        assertThatThrownBy(() -> cipher.open(LETTER_A, unbound)).as("no longer opens in use")
                .isInstanceOf(SealedValueRefusedException.class);
        assertThat(cipher.isCurrent(unbound)).isFalse();

        String bound = cipher.reseal(LETTER_A, "passport", unbound);
        assertThat(bound).startsWith("ipc2.k2.");
        assertThat(cipher("k2", K2).open(LETTER_A, bound)).isEqualTo("X12344321");
        assertThatThrownBy(() -> cipher.reseal(LETTER_A, "document-key", unbound)).as("sealed for another purpose")
                .isInstanceOf(SealedValueRefusedException.class);
    }

    @Test
    void afterARotationOldValuesStillOpenAndResealToTheNewKeyBoundToTheSameRow() {
        String sealedUnderK1 = cipher("k1", K1).seal(LETTER_A, "X12344321");
        FieldCipher rotated = cipher("k2", K2, "k1:" + K1);
        assertThat(rotated.isCurrent(sealedUnderK1)).isFalse();
        assertThat(rotated.open(LETTER_A, sealedUnderK1)).isEqualTo("X12344321");

        String resealed = rotated.reseal(LETTER_A, "passport", sealedUnderK1);
        assertThat(resealed).startsWith("ipc2.k2.");
        assertThat(rotated.isCurrent(resealed)).isTrue();
        assertThat(cipher("k2", K2).open(LETTER_A, resealed)).as("the old key is no longer needed")
                .isEqualTo("X12344321");
        assertThatThrownBy(() -> rotated.reseal(LETTER_B, "passport", sealedUnderK1)).as("checked on the way")
                .isInstanceOf(SealedValueRefusedException.class);
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

package org.ipc.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ipc.common.SealedValueRefusedException;
import org.jboss.logging.Logger;

/**
 * Seals small secrets (identifiers, the keys of sealed documents) with AES-256-GCM under the configured data key.
 * A sealed value reads {@code ipc2.<key id>.<Base64url of nonce, ciphertext and tag>} and is bound, as associated
 * data, to where it is kept: its table, row and field ({@link Binding}). A value copied to another row, or another
 * field, does not open there: it is refused, logged for the administrators (where, never what) and not shown.
 * <p>
 * Values sealed before issue 24 read {@code ipc1.} and are bound to a purpose only ({@code passport},
 * {@code document-key}); they no longer open in use. Migration 62 (and re-sealing after a key rotation) opens them
 * with {@link #openUnbound} and seals them again, bound to their row. Values sealed under a retired key still open;
 * {@link #isCurrent} tells which ones to re-seal.
 */
@ApplicationScoped
public class FieldCipher {

    private static final Logger LOG = Logger.getLogger(FieldCipher.class);
    private static final String VERSION = "ipc2";
    private static final String UNBOUND = "ipc1";
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where a sealed value is kept: it opens there and nowhere else. */
    public record Binding(String table, String row, String field) {

        public static Binding of(String table, Object row, String field) {
            return new Binding(table, String.valueOf(row), field);
        }

        byte[] associatedData() {
            return (VERSION + '\u0000' + table + '\u0000' + row + '\u0000' + field).getBytes(StandardCharsets.UTF_8);
        }

        /** {@code document 8f2c... content_key}: how refusals name it (never the value). */
        @Override
        public String toString() {
            return table + " " + row + " " + field;
        }
    }

    private final String currentId;
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();

    @Inject
    public FieldCipher(DataKeyConfig config) {
        this.currentId = checkedId(config.id(), "ipc.data-key.id");
        keys.put(currentId, key(config.secret(), "ipc.data-key.secret"));
        for (String entry : config.retired().orElse(List.of())) {
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw new IllegalStateException("ipc.data-key.retired: each entry is id:base64-key");
            }
            String id = checkedId(entry.substring(0, colon).trim(), "ipc.data-key.retired");
            if (!id.equals(currentId)) {
                keys.put(id, key(entry.substring(colon + 1).trim(), "ipc.data-key.retired (" + id + ")"));
            }
        }
    }

    /** The id of the key new values are sealed with. */
    public String currentKeyId() {
        return currentId;
    }

    public String seal(Binding where, String plaintext) {
        return seal(where, plaintext.getBytes(StandardCharsets.UTF_8));
    }

    public String seal(Binding where, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(where.associatedData());
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return VERSION + "." + currentId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    public String open(Binding where, String sealed) {
        return new String(openBytes(where, sealed), StandardCharsets.UTF_8);
    }

    /**
     * The plaintext of a value kept {@code where}; a value that was changed, moved from another row or field, sealed
     * before values were bound to their rows, or under an unknown key, is refused ({@link SealedValueRefusedException},
     * logged here).
     */
    public byte[] openBytes(Binding where, String sealed) {
        String[] parts = parts(sealed);
        if (parts == null || !parts[0].equals(VERSION)) {
            throw refused(where, parts == null ? "not a sealed value" : "sealed before values were bound to rows");
        }
        SecretKey key = keys.get(parts[1]);
        if (key == null) {
            throw refused(where, "sealed under data key " + parts[1]
                    + ", which is neither ipc.data-key.id nor in ipc.data-key.retired");
        }
        try {
            return decrypt(key, where.associatedData(), parts[2]);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw refused(where, "it does not open there: changed, or moved from another row or field");
        }
    }

    /**
     * A value sealed before issue 24, bound to {@code purpose} only ({@code ipc1.}): for migrating it to a value
     * bound to its row, nothing else.
     */
    public byte[] openUnbound(String purpose, Binding where, String sealed) {
        String[] parts = parts(sealed);
        if (parts == null || !parts[0].equals(UNBOUND) || !keys.containsKey(parts[1])) {
            throw refused(where, "not a value of the unbound format under a known key");
        }
        try {
            return decrypt(keys.get(parts[1]), purpose.getBytes(StandardCharsets.UTF_8), parts[2]);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw refused(where, "it does not open as a " + purpose + ": changed");
        }
    }

    /** Whether the value is bound to its row and sealed under the current key (else {@link #reseal} it). */
    public boolean isCurrent(String sealed) {
        return sealed.startsWith(VERSION + "." + currentId + ".");
    }

    /** Whether the value was sealed before values were bound to rows ({@code ipc1.}). */
    public boolean isUnbound(String sealed) {
        return sealed.startsWith(UNBOUND + ".");
    }

    /**
     * The same plaintext sealed under the current key and bound to {@code where}, after checking that it opens
     * there: a value sealed before rows were bound opens as {@code unboundPurpose}. A value that does not open is
     * refused (logged), and stays as it is.
     */
    public String reseal(Binding where, String unboundPurpose, String sealed) {
        byte[] plaintext = isUnbound(sealed) ? openUnbound(unboundPurpose, where, sealed) : openBytes(where, sealed);
        return isCurrent(sealed) ? sealed : seal(where, plaintext);
    }

    private static byte[] decrypt(SecretKey key, byte[] associatedData, String base64) throws GeneralSecurityException {
        byte[] in = Base64.getUrlDecoder().decode(base64);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
        cipher.updateAAD(associatedData);
        return cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
    }

    private static String[] parts(String sealed) {
        String[] parts = sealed == null ? new String[0] : sealed.split("\\.", 3);
        return parts.length == 3 && (parts[0].equals(VERSION) || parts[0].equals(UNBOUND)) ? parts : null;
    }

    private static SealedValueRefusedException refused(Binding where, String why) {
        LOG.errorf("Sealed value of %s refused and not shown: %s", where, why);
        return new SealedValueRefusedException(where.toString());
    }

    private static String checkedId(String id, String property) {
        if (id == null || !KEY_ID.matcher(id).matches()) {
            throw new IllegalStateException(property + " must be 1 to 32 letters, digits, - or _");
        }
        return id;
    }

    private static SecretKey key(String base64, String property) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not Base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(property + " must be 32 bytes (256 bits), Base64: openssl rand -base64 32");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}

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

/**
 * Seals small secrets (identifiers, the keys of sealed documents) with AES-256-GCM under the configured data key.
 * A sealed value reads {@code ipc1.<key id>.<Base64url of nonce, ciphertext and tag>}; the purpose (for example
 * {@code passport}) is bound as associated data, so a value sealed for one purpose does not open as another.
 * Values sealed under a retired key still open; {@link #isCurrent} tells which ones to re-seal.
 */
@ApplicationScoped
public class FieldCipher {

    private static final String VERSION = "ipc1";
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

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

    public String seal(String purpose, String plaintext) {
        return seal(purpose, plaintext.getBytes(StandardCharsets.UTF_8));
    }

    public String seal(String purpose, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return VERSION + "." + currentId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    public String open(String purpose, String sealed) {
        return new String(openBytes(purpose, sealed), StandardCharsets.UTF_8);
    }

    /** The plaintext; a value that was changed, or sealed for another purpose or under an unknown key, fails. */
    public byte[] openBytes(String purpose, String sealed) {
        String[] parts = sealed.split("\\.", 3);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw new IllegalStateException("not a sealed value");
        }
        SecretKey key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("a value is sealed under data key " + parts[1]
                    + ", which is neither ipc.data-key.id nor in ipc.data-key.retired");
        }
        byte[] in = Base64.getUrlDecoder().decode(parts[2]);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed " + purpose + " value does not open: changed, or sealed for another purpose", e);
        }
    }

    /** Whether the value is sealed under the current key (else {@link #reseal} it before retiring its key). */
    public boolean isCurrent(String sealed) {
        return sealed.startsWith(VERSION + "." + currentId + ".");
    }

    /** The same plaintext sealed under the current key. */
    public String reseal(String purpose, String sealed) {
        return isCurrent(sealed) ? sealed : seal(purpose, openBytes(purpose, sealed));
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

package org.ipc.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Envelope encryption for whole files that carry identifiers (a visa letter names passport numbers): each file gets
 * its own AES-256-GCM key, and only that key, sealed by {@link FieldCipher}, is kept beside the file's record. So the
 * content is unreadable in any storage, and rotating the data key re-seals a short key per file, not the file.
 */
@ApplicationScoped
public class ContentCipher {

    private static final String PURPOSE = "document-key";
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Encrypted content and its sealed key. */
    public record Sealed(byte[] content, String sealedKey) {
    }

    @Inject
    FieldCipher fields;

    public Sealed encrypt(byte[] plaintext) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            SecretKey key = generator.generateKey();
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] encrypted = cipher.doFinal(plaintext);
            byte[] out = ByteBuffer.allocate(NONCE_BYTES + encrypted.length).put(nonce).put(encrypted).array();
            return new Sealed(out, fields.seal(PURPOSE, key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    public byte[] decrypt(byte[] content, String sealedKey) {
        try {
            SecretKey key = new SecretKeySpec(fields.openBytes(PURPOSE, sealedKey), "AES");
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, content, 0, NONCE_BYTES));
            return cipher.doFinal(content, NONCE_BYTES, content.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed document does not open: its content was changed", e);
        }
    }

    /** The file's key sealed under the current data key (the content itself stays as it is). */
    public String resealKey(String sealedKey) {
        return fields.reseal(PURPOSE, sealedKey);
    }

    public boolean isCurrent(String sealedKey) {
        return fields.isCurrent(sealedKey);
    }
}

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

import org.ipc.common.SealedValueRefusedException;
import org.jboss.logging.Logger;

/**
 * Envelope encryption for whole files that carry identifiers (a visa letter names passport numbers): each file gets
 * its own AES-256-GCM key, and only that key, sealed by {@link FieldCipher}, is kept beside the file's record. So the
 * content is unreadable in any storage, and rotating the data key re-seals a short key per file, not the file. The
 * sealed key is bound to the document's row: moved to another row, with or without its content, it does not open.
 */
@ApplicationScoped
public class ContentCipher {

    private static final Logger LOG = Logger.getLogger(ContentCipher.class);
    /** The purpose the keys of files sealed before issue 24 were bound to; now each is bound to its row. */
    public static final String UNBOUND_PURPOSE = "document-key";
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Encrypted content and its sealed key. */
    public record Sealed(byte[] content, String sealedKey) {
    }

    @Inject
    FieldCipher fields;

    /** Encrypts the file with a key of its own, sealed and bound to {@code where} (the row that will keep it). */
    public Sealed encrypt(FieldCipher.Binding where, byte[] plaintext) {
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
            return new Sealed(out, fields.seal(where, key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /**
     * The file's content, when its key opens for the row that keeps it and the content is the one that key sealed;
     * otherwise refused and reported ({@link SealedValueRefusedException}), nothing shown.
     */
    public byte[] decrypt(FieldCipher.Binding where, byte[] content, String sealedKey) {
        SecretKey key = new SecretKeySpec(fields.openBytes(where, sealedKey), "AES");
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, content, 0, NONCE_BYTES));
            return cipher.doFinal(content, NONCE_BYTES, content.length - NONCE_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            LOG.errorf("Sealed content of %s refused and not shown: its stored content is not the one its key "
                    + "sealed (changed, or another row's)", where);
            throw new SealedValueRefusedException(where.toString());
        }
    }

    /** The file's key bound to its row and sealed under the current data key (the content itself stays as it is). */
    public String resealKey(FieldCipher.Binding where, String sealedKey) {
        return fields.reseal(where, UNBOUND_PURPOSE, sealedKey);
    }

    public boolean isCurrent(String sealedKey) {
        return fields.isCurrent(sealedKey);
    }
}

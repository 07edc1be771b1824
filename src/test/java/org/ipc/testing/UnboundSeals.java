package org.ipc.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Values sealed as the service sealed them before issue 24 ({@code ipc1.<key id>.}, AES-256-GCM with only the
 * purpose as associated data), written here independently of the service's code, for the tests that prove such
 * values are bound to their rows by migration 62 and by re-sealing.
 */
public final class UnboundSeals {

    private UnboundSeals() {
    }

    public static String seal(String keyId, String base64Key, String purpose, byte[] plaintext) {
        try {
            byte[] nonce = new byte[12];
            new SecureRandom().nextBytes(nonce);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"),
                    new GCMParameterSpec(128, nonce));
            aes.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = aes.doFinal(plaintext);
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return "ipc1." + keyId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String seal(String keyId, String base64Key, String purpose, String plaintext) {
        return seal(keyId, base64Key, purpose, plaintext.getBytes(StandardCharsets.UTF_8));
    }
}

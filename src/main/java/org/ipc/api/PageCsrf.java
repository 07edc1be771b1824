package org.ipc.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ipc.security.CurrentUser;

/**
 * The web pages' defence against cross-site request forgery, on top of their SameSite=strict session cookies: a
 * random value in an HttpOnly cookie scoped to the pages' own path ({@code /inbox}, {@code /portal}), and in every
 * form a field {@code csrf-token} that is an HMAC of that value and the signed-in user, keyed by the pages' state
 * secret. Another site can neither read the cookie nor compute the field, so it cannot post a form in someone's name.
 * Templates write the field with {@code {inject:csrf.token}}; {@link PageCsrfFilter} checks every form post and every
 * upload the pages' script sends, and hands out the cookie.
 */
@Named("csrf")
@RequestScoped
public class PageCsrf {

    public static final String COOKIE = "ipc-csrf";
    public static final String FIELD = "csrf-token";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    CurrentUser user;

    @ConfigProperty(name = "ipc.inbox.state-secret")
    String secret;

    private String cookieValue;
    private boolean issued;

    /** The form field's value for this request's user and cookie. */
    public String token() {
        if (cookieValue == null) {
            cookieValue = newValue();
            issued = true;
        }
        return sign(cookieValue);
    }

    /** Adopts the browser's cookie value, when it has a well-formed one. */
    void useCookie(String value) {
        if (value != null && value.matches("[A-Za-z0-9_-]{43}")) {
            cookieValue = value;
        }
    }

    /** Whether a sent field matches the browser's cookie and the signed-in user, compared in constant time. */
    boolean accepts(String sentField) {
        return cookieValue != null && sentField != null && MessageDigest.isEqual(
                sign(cookieValue).getBytes(StandardCharsets.US_ASCII), sentField.getBytes(StandardCharsets.US_ASCII));
    }

    /** A cookie value made during this request, which the response must set. */
    String issuedCookie() {
        return issued ? cookieValue : null;
    }

    private String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            byte[] key = MessageDigest.getInstance("SHA-256")
                    .digest(("ipc-inbox-csrf\n" + secret).getBytes(StandardCharsets.UTF_8));
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signature = mac.doFinal((value + "\n" + user.id()).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    private static String newValue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

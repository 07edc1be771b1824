package org.ipc.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.exception.ConstraintViolationException;
import org.ipc.security.CurrentUser;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Makes a retried request safe (the {@code Idempotency-Key} header): the first request under a key does the work
 * and its answer is stored in the same transaction; a retry with the same key and the same request gets that
 * answer again; the same key with a different request is a 422. Keys belong to the caller and the operation.
 * Two concurrent requests with one key: the second waits on the key's row, then replays the first's answer.
 */
@ApplicationScoped
public class Idempotency {

    private static final String KEY_CONSTRAINT = "uq_idempotency_key";

    @Inject
    CurrentUser user;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /**
     * Runs {@code work} in a new transaction, once per key. {@code request} is what identifies the request (its
     * parsed body, or a digest of uploaded content); without a key the work simply runs.
     */
    public StoredResponse run(String scope, String key, Object request, Supplier<StoredResponse> work) {
        if (key == null) {
            return QuarkusTransaction.requiringNew().call(work::get);
        }
        validate(key);
        String principal = user.id();
        String hash = sha256(request);
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                var earlier = IdempotencyRecord.find(principal, scope, key);
                if (earlier.isPresent()) {
                    return replay(earlier.get(), hash);
                }
                IdempotencyRecord claim = new IdempotencyRecord();
                claim.id = UUID.randomUUID();
                claim.principal = principal;
                claim.scope = scope;
                claim.key = key;
                claim.requestHash = hash;
                claim.createdAt = Instant.now(clock);
                claim.persistAndFlush();
                StoredResponse answer = work.get();
                claim.status = answer.status();
                claim.location = answer.location();
                claim.body = answer.body();
                return answer;
            });
        } catch (RuntimeException e) {
            if (!violates(e, KEY_CONSTRAINT)) {
                throw e;
            }
            return QuarkusTransaction.requiringNew().call(() -> replay(
                    IdempotencyRecord.find(principal, scope, key).orElseThrow(() -> e), hash));
        }
    }

    /** Serializes an answer the way it will be replayed. */
    public String toJson(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answer cannot be written as JSON", e);
        }
    }

    private static StoredResponse replay(IdempotencyRecord earlier, String hash) {
        if (!earlier.requestHash.equals(hash)) {
            throw new ProblemException(422, "Idempotency key reused",
                    "This Idempotency-Key was used for a different request; use a new key for a new request",
                    java.util.List.of(new Problem.FieldError("Idempotency-Key", "was used for a different request")));
        }
        return new StoredResponse(earlier.status, earlier.location, earlier.body);
    }

    private static void validate(String key) {
        if (key.isBlank() || key.length() > 255 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ProblemException.badField("Idempotency-Key", "must be 1 to 255 visible ASCII characters, such as a UUID");
        }
    }

    private String sha256(Object request) {
        try {
            byte[] canonical = request instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                    : json.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }

    private static boolean violates(Throwable e, String constraint) {
        return Causes.chain(e).anyMatch(t -> t instanceof ConstraintViolationException cve
                && cve.getConstraintName() != null && cve.getConstraintName().toLowerCase().contains(constraint));
    }
}

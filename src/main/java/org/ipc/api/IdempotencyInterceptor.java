package org.ipc.api;

import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.Response;

import org.hibernate.exception.ConstraintViolationException;
import org.ipc.common.Causes;
import org.ipc.common.FieldError;
import org.ipc.common.InvalidInputException;
import org.ipc.security.CurrentUser;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Makes a retried request safe (the {@code Idempotency-Key} header), around a resource method marked
 * {@link Idempotent}: the first request under a key runs the method and its answer is stored in the same
 * transaction; a retry with the same key and the same request gets that answer again; the same key with a
 * different request is a 422. Keys belong to the caller and the operation. Two concurrent requests with one key: the
 * second waits on the key's row, then replays the first's answer. Without a key the method simply runs in its own
 * transaction. Services know nothing of this: they return domain objects, the resource makes the answer.
 */
@Idempotent("")
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class IdempotencyInterceptor {

    static final String HEADER = "Idempotency-Key";
    private static final String KEY_CONSTRAINT = "uq_idempotency_key";

    @Inject
    CurrentUser user;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @AroundInvoke
    Object claimOnce(InvocationContext invocation) throws Exception {
        String scope = operation(invocation);
        String key = null;
        List<String> request = new ArrayList<>();
        Annotation[][] annotations = invocation.getMethod().getParameterAnnotations();
        Object[] arguments = invocation.getParameters();
        for (int i = 0; i < arguments.length; i++) {
            if (isKeyHeader(annotations[i])) {
                key = (String) arguments[i];
            } else {
                request.add(fingerprint(arguments[i]));
            }
        }
        if (key == null) {
            return QuarkusTransaction.requiringNew().call(() -> stored(invocation.proceed()).toResponse());
        }
        validate(key);
        String principal = user.id();
        String hash = sha256(String.join("\n", request).getBytes(StandardCharsets.UTF_8));
        String claimedKey = key;
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                var earlier = IdempotencyRecord.find(principal, scope, claimedKey);
                if (earlier.isPresent()) {
                    return replay(earlier.get(), hash).toResponse();
                }
                IdempotencyRecord claim = new IdempotencyRecord();
                claim.id = UUID.randomUUID();
                claim.principal = principal;
                claim.scope = scope;
                claim.key = claimedKey;
                claim.requestHash = hash;
                claim.createdAt = Instant.now(clock);
                claim.persistAndFlush();
                StoredResponse answer = stored(invocation.proceed());
                claim.status = answer.status();
                claim.location = answer.location();
                claim.body = answer.body();
                return answer.toResponse();
            });
        } catch (RuntimeException e) {
            if (!violates(e, KEY_CONSTRAINT)) {
                throw e;
            }
            return QuarkusTransaction.requiringNew().call(() -> replay(
                    IdempotencyRecord.find(principal, scope, claimedKey).orElseThrow(() -> e), hash).toResponse());
        }
    }

    private static String operation(InvocationContext invocation) {
        Idempotent marked = invocation.getMethod().getAnnotation(Idempotent.class);
        if (marked == null) {
            marked = invocation.getMethod().getDeclaringClass().getAnnotation(Idempotent.class);
        }
        return marked.value();
    }

    private static boolean isKeyHeader(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof RestHeader header && HEADER.equalsIgnoreCase(header.value())) {
                return true;
            }
        }
        return false;
    }

    /** The answer as it will be replayed: status, Location and the entity written as JSON. */
    private StoredResponse stored(Object result) {
        Response response = (Response) result;
        String location = response.getLocation() == null ? null : response.getLocation().toString();
        Object entity = response.getEntity();
        try {
            String body = entity == null ? null : entity instanceof String s ? s : json.writeValueAsString(entity);
            return new StoredResponse(response.getStatus(), location, body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answer cannot be written as JSON", e);
        }
    }

    private static StoredResponse replay(IdempotencyRecord earlier, String hash) {
        if (!earlier.requestHash.equals(hash)) {
            throw new ProblemException(422, "Idempotency key reused",
                    "This Idempotency-Key was used for a different request; use a new key for a new request",
                    List.of(new FieldError(HEADER, "was used for a different request")));
        }
        return new StoredResponse(earlier.status, earlier.location, earlier.body);
    }

    private static void validate(String key) {
        if (key.isBlank() || key.length() > 255 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw InvalidInputException.field(HEADER, "must be 1 to 255 visible ASCII characters, such as a UUID");
        }
    }

    /** What identifies one argument of the request: its JSON, or for uploaded files their names and digests. */
    private String fingerprint(Object argument) throws Exception {
        if (argument == null) {
            return "null";
        }
        if (argument instanceof FileUpload upload) {
            return upload.fileName() + ":" + fileDigest(upload);
        }
        if (argument instanceof Collection<?> items && items.stream().allMatch(FileUpload.class::isInstance)) {
            List<String> parts = new ArrayList<>();
            for (Object item : items) {
                parts.add(fingerprint(item));
            }
            return String.join(",", parts);
        }
        return argument instanceof String s ? s : json.writeValueAsString(argument);
    }

    private static String fileDigest(FileUpload upload) throws Exception {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(upload.uploadedFile()),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        }
    }

    private static String sha256(byte[] canonical) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static boolean violates(Throwable e, String constraint) {
        return Causes.chain(e).anyMatch(t -> t instanceof ConstraintViolationException cve
                && cve.getConstraintName() != null && cve.getConstraintName().toLowerCase().contains(constraint));
    }
}

package org.ipc.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * Makes a resource method safe to retry under an {@code Idempotency-Key} header ({@link IdempotencyInterceptor}):
 * put it on a method returning a {@code Response} whose key parameter is {@code @RestHeader("Idempotency-Key")}.
 * {@link #value()} names the operation; a caller's key is claimed once per operation.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface Idempotent {

    @Nonbinding
    String value();
}

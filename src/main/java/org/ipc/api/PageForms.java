package org.ipc.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Binds {@link PageCsrfFilter}'s form check to the web pages' resources only: it reads the form before the resource
 * does, which the JSON API must not pay for (the CSRF extension of the Quarkus version here cannot be limited to some
 * paths).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface PageForms {
}

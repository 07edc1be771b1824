package org.ipc.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Marks the resources that speak the tus resumable-upload protocol 1.0: every answer of theirs, errors included,
 * carries {@code Tus-Resumable} ({@link TusHeaders}).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface TusProtocol {

    String VERSION = "1.0.0";
    String EXTENSIONS = "creation,termination,checksum,expiration";
    String CHECKSUM_MISMATCH_TITLE = "Checksum mismatch";
    /** tus' own status for a piece whose checksum does not match (checksum extension). */
    int CHECKSUM_MISMATCH = 460;
}

package org.ipc.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Every {@code @QuarkusTest} of this module sends its mail to one real SMTP server, see {@link SmtpResource}. */
@QuarkusTestResource(SmtpResource.class)
public final class RealSmtp {

    private RealSmtp() {
    }
}

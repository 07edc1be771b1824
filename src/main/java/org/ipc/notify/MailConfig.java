package org.ipc.notify;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code ipc.mail.*}: how the outbox is drained, and the contact block every mail ends with. */
@ConfigMapping(prefix = "ipc.mail")
public interface MailConfig {

    /** How often the sender looks for due mail ({@code off} in tests, which drain it themselves). */
    @WithDefault("5s")
    String drainEvery();

    /** Mails claimed at once by one sender. */
    @WithDefault("200")
    int batchSize();

    /** Mails in flight at once (SMTP connections). */
    @WithDefault("4")
    int concurrency();

    /** Attempts before a mail is given up as failed. */
    @WithDefault("8")
    int maxAttempts();

    /** Wait after the first failed attempt; doubled after each further one, up to {@link #maxBackoff()}. */
    @WithDefault("PT1M")
    Duration backoff();

    @WithDefault("PT1H")
    Duration maxBackoff();

    /** How long a claimed mail is a sender's; after that another sender (or a restart) may send it. */
    @WithDefault("PT5M")
    Duration lease();

    Contact contact();

    /** The inbox page staff sign in to; staff notices link to their task or case there. */
    @WithDefault("https://ipc.hospital.example/inbox")
    String inboxUrl();

    /** Where patients and physicians reach the Center; shown at the end of every mail. */
    interface Contact {

        @WithDefault("International Patient Center")
        String name();

        @WithDefault("1 Hospital Plaza, Boston, MA 02114, USA")
        String address();

        @WithDefault("+1 617 555 0100")
        String phone();

        @WithDefault("international@hospital.example")
        String email();

        /** The portal physicians use to follow their cases. */
        @WithDefault("https://ipc.hospital.example/")
        String portalUrl();
    }
}

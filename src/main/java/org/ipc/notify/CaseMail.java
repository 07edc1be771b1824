package org.ipc.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.ipc.cases.CaseEvents.CaseAcknowledged;
import org.ipc.cases.CaseEvents.CaseEventRecorded;
import org.ipc.cases.CaseEvents.CaseStatusChanged;

/**
 * Who hears of what happens to a case: each event that is a {@link Milestone} queues its mails in the outbox, in the
 * transaction of the change (a plain {@code @Observes} runs inside it), from what the event carries.
 */
@ApplicationScoped
public class CaseMail {

    @Inject
    MailOutbox outbox;

    void acknowledged(@Observes CaseAcknowledged event) {
        outbox.enqueue(event.c(), Milestone.RECEIVED, 1);
    }

    void statusChanged(@Observes CaseStatusChanged event) {
        Milestone.forStatus(event.c().status()).ifPresent(m -> outbox.enqueue(event.c(), m, 1));
    }

    void eventRecorded(@Observes CaseEventRecorded event) {
        Milestone.forEvent(event.kind()).ifPresent(m -> outbox.enqueue(event.c(), m, event.occurrence()));
    }
}

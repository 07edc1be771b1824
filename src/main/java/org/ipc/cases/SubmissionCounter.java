package org.ipc.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code ipc_cases_submitted_total{type}}: cases submitted since this instance started, counted when the submission
 * commits (a rolled-back one, or a retry answered from its Idempotency-Key, is not counted).
 */
@ApplicationScoped
public class SubmissionCounter {

    @Inject
    MeterRegistry registry;

    @Inject
    TransactionSynchronizationRegistry transaction;

    /** Every type's counter exists from the start, at 0, so a rate over it never has a gap. */
    void register(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent start) {
        for (CaseType type : CaseType.values()) {
            counter(type);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void submitted(CaseType type) {
        Counter counter = counter(type);
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // counted only once the case is there for good
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    counter.increment();
                }
            }
        });
    }

    private Counter counter(CaseType type) {
        return Counter.builder("ipc.cases.submitted").description("Cases submitted since the instance started")
                .tag("type", type.name()).register(registry);
    }
}

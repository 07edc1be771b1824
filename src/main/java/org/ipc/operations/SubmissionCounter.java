package org.ipc.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.ipc.cases.CaseEvents.CaseSubmitted;
import org.ipc.cases.CaseType;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * {@code ipc_cases_submitted_total{type}}: cases submitted since this instance started, counted when the submission
 * commits (a rolled-back one, or a retry answered from its Idempotency-Key, is not counted).
 */
@ApplicationScoped
public class SubmissionCounter {

    @Inject
    MeterRegistry registry;

    /** Every type's counter exists from the start, at 0, so a rate over it never has a gap. */
    void register(@Observes StartupEvent start) {
        for (CaseType type : CaseType.values()) {
            counter(type);
        }
    }

    void submitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CaseSubmitted submitted) {
        counter(submitted.c().type()).increment();
    }

    private Counter counter(CaseType type) {
        return Counter.builder("ipc.cases.submitted").description("Cases submitted since the instance started")
                .tag("type", type.name()).register(registry);
    }
}

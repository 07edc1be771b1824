package org.ipc.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.ipc.cases.CaseEvent;
import org.ipc.cases.CaseEvents.CaseEventRecorded;
import org.ipc.cases.CaseEvents.CaseSubmitted;
import org.ipc.cases.CaseLifecycle;

/**
 * Where a case meets its process, in the transaction of the case's own change: a submitted case starts the process
 * of its type, routed by {@link TaskRouting}; records arriving reach a process that waits for them.
 */
@ApplicationScoped
public class CaseProcessStarter {

    @Inject
    EngineDoor engine;

    @Inject
    TaskRouting routing;

    @Inject
    CaseLifecycle lifecycle;

    void start(@Observes CaseSubmitted submitted) {
        var c = submitted.c();
        String processInstanceId = engine.start(c.type().processKey(), c.reference(), routing.variablesFor(c),
                submitted.by());
        lifecycle.processStarted(c.id(), processInstanceId);
    }

    void recordsArrived(@Observes CaseEventRecorded recorded) {
        if (recorded.kind() == CaseEvent.Kind.RECORDS_RECEIVED) {
            engine.correlate(ProcessMessages.processOf(recorded.c().id()), ProcessMessages.RECORDS_RECEIVED,
                    recorded.by());
        }
    }
}

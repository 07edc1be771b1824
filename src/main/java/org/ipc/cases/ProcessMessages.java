package org.ipc.cases;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.ipc.api.ProblemException;
import org.ipc.audit.AuditAction;
import org.ipc.audit.AuditTrail;
import org.ipc.security.CurrentUser;
import org.ipc.security.Roles;

/**
 * What the outside world tells a case's process: the physician withdraws it or sends records, finance confirms
 * the deposit, the patient arrives. Each is a BPMN message correlated to the case's process instance; a case
 * that is not waiting for it answers 409.
 */
@ApplicationScoped
public class ProcessMessages {

    public static final String CASE_WITHDRAWN = "CaseWithdrawn";
    public static final String RECORDS_RECEIVED = "RecordsReceived";
    public static final String DEPOSIT_RECEIVED = "DepositReceived";
    public static final String PATIENT_ARRIVED = "PatientArrived";

    private static final Set<CaseStatus> ENDED = EnumSet.of(CaseStatus.CLOSED, CaseStatus.DECLINED,
            CaseStatus.WITHDRAWN);

    @Inject
    RuntimeService runtime;

    @Inject
    AuditTrail audit;

    @Inject
    TaskService tasks;

    @Inject
    IdentityService identity;

    @Inject
    CaseAccess access;

    @Inject
    CurrentUser user;

    @Inject
    CaseLifecycle lifecycle;

    /** The referring physician withdraws their own case: every open task and timer ends. */
    @Transactional
    public PatientCase withdrawForCurrentPhysician(UUID caseId) {
        PatientCase c = access.ownCase(caseId);
        if (ENDED.contains(c.status)) {
            throw ProblemException.conflict("The case is already " + c.status.name().toLowerCase() + "; it cannot be withdrawn");
        }
        correlate(c, CASE_WITHDRAWN, "The case cannot be withdrawn now");
        return c;
    }

    /** Records have arrived for a case; answers whether its process was waiting for them. */
    @Transactional
    public boolean recordsReceived(UUID caseId) {
        PatientCase c = CaseLifecycle.find(caseId);
        lifecycle.recordEvent(caseId, CaseEvent.Kind.RECORDS_RECEIVED, null);
        return tryCorrelate(c, RECORDS_RECEIVED);
    }

    @Transactional
    public PatientCase depositReceived(UUID caseId) {
        PatientCase c = access.staffCase(caseId);
        correlate(c, DEPOSIT_RECEIVED, "The case is not waiting for a deposit");
        audit.record(AuditAction.DEPOSIT_RECORDED, c.id);
        return c;
    }

    @Transactional
    public PatientCase patientArrived(UUID caseId) {
        PatientCase c = access.staffCase(caseId);
        correlate(c, PATIENT_ARRIVED, "The case is not waiting for the patient's arrival");
        audit.record(AuditAction.ARRIVAL_RECORDED, c.id);
        return c;
    }

    /** A supervisor hands the case to another coordinator, with its open coordinator tasks. */
    @Transactional
    public PatientCase handOver(UUID caseId, String coordinator) {
        PatientCase c = access.staffCase(caseId);
        if (ENDED.contains(c.status)) {
            throw ProblemException.conflict("The case is " + c.status.name().toLowerCase() + "; it has no owner to change");
        }
        c.owner = coordinator;
        audit.record(AuditAction.CASE_HANDED_OVER, c.id, "to " + coordinator);
        for (Task task : tasks.createTaskQuery().processInstanceId(c.processInstanceId).active().list()) {
            boolean coordinatorTask = tasks.getIdentityLinksForTask(task.getId()).stream()
                    .anyMatch(link -> link.getGroupId() != null && link.getGroupId().startsWith(Roles.COORDINATOR));
            if (coordinatorTask) {
                tasks.setAssignee(task.getId(), coordinator);
            }
        }
        identity.setAuthenticatedUserId(user.id());
        try {
            lifecycle.recordEvent(caseId, CaseEvent.Kind.OWNER_CHANGED, "owner " + coordinator);
        } finally {
            identity.clearAuthentication();
        }
        return c;
    }

    private void correlate(PatientCase c, String message, String notWaiting) {
        if (!tryCorrelate(c, message)) {
            throw ProblemException.conflict(notWaiting + " (status " + c.status + ")");
        }
    }

    private boolean tryCorrelate(PatientCase c, String message) {
        // Ask first: a failed correlation would mark the whole transaction for rollback.
        boolean waiting = runtime.createEventSubscriptionQuery().processInstanceId(c.processInstanceId)
                .eventType("message").eventName(message).count() > 0;
        if (!waiting) {
            return false;
        }
        identity.setAuthenticatedUserId(user.id());
        try {
            runtime.createMessageCorrelation(message).processInstanceId(c.processInstanceId).correlateWithResult();
            return true;
        } finally {
            identity.clearAuthentication();
        }
    }
}

package org.ipc.workflow;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ipc.access.CaseAction;
import org.ipc.audit.AuditAction;
import org.ipc.audit.AuditTrail;
import org.ipc.cases.CaseAccess;
import org.ipc.cases.CaseLifecycle;
import org.ipc.cases.PatientCase;
import org.ipc.common.ConflictException;
import org.ipc.estimates.DepositService;
import org.ipc.common.InvalidInputException;
import org.ipc.security.CurrentUser;
import org.ipc.security.Roles;
import org.ipc.staff.StaffDirectory;
import org.ipc.workitems.TaskAssigned;
import org.ipc.workitems.WorkItemQueries;

/**
 * What the outside world tells a case's process: the physician withdraws it, finance confirms the deposit, the
 * patient arrives, a supervisor hands the case to another coordinator. Each message is a BPMN message correlated to
 * the case's process instance through {@link EngineDoor}; a case that is not waiting for it is a conflict.
 */
@ApplicationScoped
public class ProcessMessages {

    public static final String CASE_WITHDRAWN = "CaseWithdrawn";
    public static final String RECORDS_RECEIVED = "RecordsReceived";
    public static final String DEPOSIT_RECEIVED = "DepositReceived";
    public static final String PATIENT_ARRIVED = "PatientArrived";

    @Inject
    EngineDoor engine;

    @Inject
    AuditTrail audit;

    @Inject
    CaseAccess access;

    @Inject
    CurrentUser user;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    DepositService deposits;

    @Inject
    StaffDirectory directory;

    @Inject
    WorkItemQueries workItems;

    @Inject
    Event<TaskAssigned> assigned;

    /** The referring physician withdraws their own case: every open task and timer ends. */
    @Transactional
    public PatientCase withdrawForCurrentPhysician(UUID caseId) {
        PatientCase c = access.ownCase(caseId);
        if (c.status.hasEnded()) {
            throw new ConflictException("The case is already " + c.status.name().toLowerCase() + "; it cannot be withdrawn");
        }
        correlate(c, CASE_WITHDRAWN, "The case cannot be withdrawn now");
        audit.record(AuditAction.CASE_WITHDRAWN, c.id);
        return c;
    }

    /**
     * Finance confirms the deposit: only when the payments recorded meet the current estimate's deposit. The payment
     * that meets it has already let a waiting process go on (workflow/PaperworkSignals), so this delivers
     * {@code DepositReceived} only to a process still waiting, and otherwise answers where the case stands.
     */
    @Transactional
    public PatientCase depositReceived(UUID caseId) {
        PatientCase c = access.staffCase(caseId, CaseAction.RECORD_PAYMENT);
        if (c.status.hasEnded()) {
            throw new ConflictException("The case is " + c.status.name().toLowerCase() + "; it takes no deposit");
        }
        if (!deposits.isDepositMet(c.id)) {
            throw new ConflictException("The deposit is not received in full: record the payments "
                    + "(POST /api/cases/{id}/payments); the one that meets the deposit confirms it");
        }
        engine.correlate(c.processInstanceId, DEPOSIT_RECEIVED, user.id());
        audit.record(AuditAction.DEPOSIT_RECORDED, c.id);
        return c;
    }

    @Transactional
    public PatientCase patientArrived(UUID caseId) {
        PatientCase c = access.staffCase(caseId, CaseAction.RECORD_ARRIVAL);
        correlate(c, PATIENT_ARRIVED, "The case is not waiting for the patient's arrival");
        audit.record(AuditAction.ARRIVAL_RECORDED, c.id);
        return c;
    }

    /**
     * A supervisor hands the case to another coordinator (one the staff directory knows), with its open coordinator
     * tasks; each task moved is told to its new holder ({@link TaskAssigned}).
     */
    @Transactional
    public PatientCase handOver(UUID caseId, String coordinator) {
        StaffDirectory.Colleague to = directory.require(coordinator, "userId");
        if (!to.roles().contains(Roles.COORDINATOR)) {
            throw InvalidInputException.field("userId", "must be a coordinator (" + to.name() + " is not)");
        }
        PatientCase c = lifecycle.handOver(access.staffCase(caseId, CaseAction.HAND_OVER).id, coordinator, user.id());
        audit.record(AuditAction.CASE_HANDED_OVER, c.id, "to " + coordinator);
        if (c.processInstanceId != null) {
            for (String taskId : engine.assignCoordinatorTasks(c.processInstanceId, coordinator, user.id())) {
                workItems.find(taskId).ifPresent(w -> assigned.fire(new TaskAssigned(taskId, w.name(), c.id,
                        c.reference, coordinator, user.id())));
            }
        }
        return c;
    }

    /** The process instance that runs a case, as the case row keeps it. */
    static String processOf(UUID caseId) {
        return PatientCase.<PatientCase>findByIdOptional(caseId).map(c -> c.processInstanceId).orElse(null);
    }

    private void correlate(PatientCase c, String message, String notWaiting) {
        if (!engine.correlate(c.processInstanceId, message, user.id())) {
            throw new ConflictException(notWaiting + " (status " + c.status + ")");
        }
    }
}

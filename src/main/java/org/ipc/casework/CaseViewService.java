package org.ipc.casework;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ipc.audit.AuditAction;
import org.ipc.audit.AuditTrail;
import org.ipc.cases.CaseAccess;
import org.ipc.cases.CaseEvent;
import org.ipc.cases.CaseNote;
import org.ipc.cases.CaseStatusChange;
import org.ipc.cases.PatientCase;
import org.ipc.documents.DocumentService;
import org.ipc.estimates.DepositService;
import org.ipc.messages.MessageService;
import org.ipc.cases.Acknowledgements;
import org.ipc.notify.OutboxMail;
import org.ipc.patients.PatientDetails;
import org.ipc.workflow.EngineDoor;
import org.ipc.workitems.TaskView;
import org.ipc.workitems.WorkItems;

/** Puts together what a coordinator needs to see of one case, and draws its process with the current steps. */
@ApplicationScoped
public class CaseViewService {

    @Inject
    CaseAccess access;

    @Inject
    AuditTrail audit;

    @Inject
    DocumentService documents;

    @Inject
    MessageService messages;


    @Inject
    Acknowledgements acknowledgements;

    @Inject
    EngineDoor engine;

    @Inject
    WorkItems workItems;

    @Inject
    Clock clock;

    @Inject
    DepositService deposits;

    @Transactional
    public CaseView view(UUID caseId) {
        PatientCase c = access.staffCase(caseId);
        audit.record(AuditAction.CASE_READ, c.id);
        List<CaseView.Step> steps = engine.currentSteps(c.processInstanceId).stream()
                .map(step -> new CaseView.Step(step.id(), step.name())).toList();
        return new CaseView(c.id, c.reference, c.status, c.type, c.department, c.urgency, c.clinicalSummary, c.owner,
                c.createdAt,
                acknowledgements.of(c.reference, c.acknowledgedAt, c.ackOfficeOpen, c.ackOfficeOpensAt,
                        c.patient.preferredLanguage, c.patient.timeZone),
                PatientDetails.of(c.patient),
                new CaseView.Physician(c.physician.displayName, c.physician.email, c.physician.institution,
                        c.physician.country),
                documents.listForStaff(c.id).items(),
                messages.listForStaff(c.id).items(),
                CaseNote.of(c.id).stream().map(n -> new CaseView.Note(n.taskKey, n.field, n.body, n.author, n.createdAt))
                        .toList(),
                timeline(c),
                steps,
                workItems.ofCase(c.id).stream().map(w -> TaskView.of(w, Instant.now(clock))).toList(),
                OutboxMail.ofCase(c.id).stream().map(m -> new CaseView.Mail(m.milestone.name(),
                        m.recipientKind.name(), m.recipient, m.language, m.subject, m.status.name(), m.attempts,
                        m.lastError, m.createdAt, m.sentAt)).toList(),
                deposits.standing(c.id).orElse(null));
    }

    /** The case's process as SVG, its current steps highlighted. */
    @Transactional
    public String diagram(UUID caseId) {
        PatientCase c = access.staffCase(caseId);
        audit.record(AuditAction.CASE_DIAGRAM_READ, c.id);
        return engine.diagram(c.processInstanceId);
    }

    private List<CaseView.TimelineEntry> timeline(PatientCase c) {
        List<CaseView.TimelineEntry> entries = new ArrayList<>();
        CaseStatusChange.historyOf(c.id).forEach(s -> entries.add(
                new CaseView.TimelineEntry(s.changedAt, "STATUS", s.status.name(), s.changedBy)));
        CaseEvent.of(c.id).forEach(e -> entries.add(
                new CaseView.TimelineEntry(e.occurredAt, "EVENT", e.kind.name(), e.actor)));
        for (EngineDoor.PastTask t : engine.taskHistory(c.processInstanceId)) {
            entries.add(new CaseView.TimelineEntry(t.created(), "TASK_CREATED", t.name(), null));
            if (t.ended() != null) {
                entries.add(new CaseView.TimelineEntry(t.ended(), "TASK_COMPLETED", t.name(), t.assignee()));
            }
        }
        entries.sort(Comparator.comparing(CaseView.TimelineEntry::at));
        return entries;
    }
}

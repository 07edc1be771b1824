package org.ipc.inbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.ipc.audit.AuditAction;
import org.ipc.audit.AuditTrail;
import org.ipc.cases.CaseAccess;
import org.ipc.cases.CaseEvent;
import org.ipc.cases.CaseNote;
import org.ipc.cases.CaseStatusChange;
import org.ipc.cases.PatientCase;
import org.ipc.documents.DocumentService;
import org.ipc.messages.MessageService;
import org.ipc.notify.Acknowledgements;
import org.ipc.notify.OutboxMail;
import org.ipc.patients.PatientDetails;
import org.ipc.workflow.ProcessDiagram;

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
    InboxService inbox;

    @Inject
    Acknowledgements acknowledgements;

    @Inject
    RuntimeService runtime;

    @Inject
    HistoryService history;

    @Inject
    RepositoryService repository;

    @Transactional
    public CaseView view(UUID caseId) {
        PatientCase c = access.staffCase(caseId);
        audit.record(AuditAction.CASE_READ, c.id);
        BpmnModelInstance model = model(c);
        List<CaseView.Step> steps = activeIds(c).stream()
                .map(id -> new CaseView.Step(id, nameOf(model, id))).toList();
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
                inbox.openTasksOf(c),
                OutboxMail.ofCase(c.id).stream().map(m -> new CaseView.Mail(m.milestone.name(),
                        m.recipientKind.name(), m.recipient, m.language, m.subject, m.status.name(), m.attempts,
                        m.lastError, m.createdAt, m.sentAt)).toList());
    }

    /** The case a human reference names, if any. */
    @Transactional
    public Optional<UUID> idOf(String reference) {
        return PatientCase.<PatientCase>find("reference", reference).firstResultOptional().map(c -> c.id);
    }

    /** The case's process as SVG, its current steps highlighted. */
    @Transactional
    public String diagram(UUID caseId) {
        PatientCase c = access.staffCase(caseId);
        audit.record(AuditAction.CASE_DIAGRAM_READ, c.id);
        return ProcessDiagram.svg(model(c), new LinkedHashSet<>(activeIds(c)));
    }

    private List<CaseView.TimelineEntry> timeline(PatientCase c) {
        List<CaseView.TimelineEntry> entries = new ArrayList<>();
        CaseStatusChange.historyOf(c.id).forEach(s -> entries.add(
                new CaseView.TimelineEntry(s.changedAt, "STATUS", s.status.name(), s.changedBy)));
        CaseEvent.of(c.id).forEach(e -> entries.add(
                new CaseView.TimelineEntry(e.occurredAt, "EVENT", e.kind.name(), e.actor)));
        for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().processInstanceId(c.processInstanceId)
                .list()) {
            entries.add(new CaseView.TimelineEntry(t.getStartTime().toInstant(), "TASK_CREATED", t.getName(), null));
            if (t.getEndTime() != null) {
                entries.add(new CaseView.TimelineEntry(t.getEndTime().toInstant(), "TASK_COMPLETED", t.getName(),
                        t.getAssignee()));
            }
        }
        entries.sort(Comparator.comparing(CaseView.TimelineEntry::at));
        return entries;
    }

    private List<String> activeIds(PatientCase c) {
        boolean running = runtime.createProcessInstanceQuery().processInstanceId(c.processInstanceId).count() > 0;
        return running ? runtime.getActiveActivityIds(c.processInstanceId) : List.of();
    }

    private BpmnModelInstance model(PatientCase c) {
        HistoricProcessInstance process = history.createHistoricProcessInstanceQuery()
                .processInstanceId(c.processInstanceId).singleResult();
        return repository.getBpmnModelInstance(process.getProcessDefinitionId());
    }

    private static String nameOf(BpmnModelInstance model, String id) {
        FlowElement element = model.getModelElementById(id);
        return element == null || element.getName() == null ? id : element.getName();
    }
}

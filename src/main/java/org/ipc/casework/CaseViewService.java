package org.ipc.casework;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ipc.access.CasePart;
import org.ipc.access.Reach;
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
import org.ipc.common.Words;
import org.ipc.officehours.BusinessClock;
import org.ipc.staff.Absences;
import org.ipc.staff.StaffDirectory;
import org.ipc.workitems.QueueNames;
import org.ipc.workitems.TaskViews;
import org.ipc.workitems.WorkItemQueries;

/** Puts together what a member of staff may see of one case, and draws its process with the current steps. */
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
    WorkItemQueries workItems;

    @Inject
    Clock clock;

    @Inject
    DepositService deposits;

    @Inject
    TaskViews taskViews;

    @Inject
    QueueNames names;

    @Inject
    StaffDirectory directory;

    @Inject
    Absences absences;

    @Inject
    BusinessClock office;

    /**
     * The case as the caller's roles see it (access/AccessPolicy): a part they do not see is left out (null, or an
     * empty list), documents are those of the kinds they see, and {@code access} says which parts and actions they
     * have. A case out of their reach answers 404.
     */
    @Transactional
    public CaseView view(UUID caseId) {
        PatientCase c = access.reachedCase(caseId);
        Reach reach = access.reach(c);
        audit.record(AuditAction.CASE_READ, c.id);
        List<CaseView.Step> steps = engine.currentSteps(c.processInstanceId).stream()
                .map(step -> new CaseView.Step(step.id(), step.name())).toList();
        List<CaseView.TimelineEntry> timeline = timeline(c);
        Set<String> people = new HashSet<>();
        people.add(c.owner);
        timeline.forEach(e -> people.add(e.who()));
        Map<String, String> byName = new java.util.HashMap<>(directory.namesOf(people));
        // the referring physician is not staff: their own name, as the portal keeps it
        if (c.physician.subject != null && c.physician.displayName != null) {
            byName.put(c.physician.subject, c.physician.displayName + " (referring physician)");
        }
        Instant now = Instant.now(clock);
        CaseView.Cover cover = c.owner == null || c.status.hasEnded() ? null
                : absences.currentOf(c.owner).flatMap(away -> absences.coverFor(c.owner, office.now())
                        .map(who -> new CaseView.Cover(who, directory.nameOf(who), away.lastDay()))).orElse(null);
        CaseView.Labels labels = new CaseView.Labels(Words.of(c.status), Words.phrase(c.type.processKey()),
                names.department(c.department), Words.of(c.urgency),
                c.owner == null ? null : byName.getOrDefault(c.owner, StaffDirectory.unknown(c.owner)),
                Words.country(c.patient.countryOfResidence), Words.language(c.patient.preferredLanguage),
                now.atZone(ZoneId.of(c.patient.timeZone)).toOffsetDateTime().truncatedTo(ChronoUnit.MINUTES),
                Words.country(c.physician.country));
        boolean clinical = reach.sees(CasePart.CLINICAL);
        return new CaseView(c.id, c.reference, c.status, c.type, c.department, c.urgency,
                clinical ? c.clinicalSummary : null, c.owner, c.createdAt,
                acknowledgements.of(c.reference, c.acknowledgedAt, c.ackOfficeOpen, c.ackOfficeOpensAt,
                        c.patient.preferredLanguage, c.patient.timeZone),
                reach.sees(CasePart.PATIENT) ? PatientDetails.of(c.patient) : null,
                new CaseView.Physician(c.physician.displayName, c.physician.email, c.physician.institution,
                        c.physician.country),
                documents.listForStaff(c.id).items(),
                reach.sees(CasePart.MESSAGES) ? messages.listForStaff(c.id).items() : List.of(),
                clinical ? CaseNote.of(c.id).stream()
                        .map(n -> new CaseView.Note(n.taskKey, n.field, n.body, n.author, n.createdAt)).toList()
                        : List.of(),
                timeline.stream().map(e -> new CaseView.TimelineEntry(e.at(), e.kind(), e.what(), e.who(),
                        e.who() == null ? null : byName.getOrDefault(e.who(), StaffDirectory.unknown(e.who())),
                        e.label())).toList(),
                steps,
                taskViews.of(workItems.ofCase(c.id), now),
                reach.sees(CasePart.MAIL_LOG) ? OutboxMail.ofCase(c.id).stream().map(m -> new CaseView.Mail(
                        m.milestone.name(), m.recipientKind.name(), m.recipient, m.language, m.subject,
                        m.status.name(), m.attempts, m.lastError, m.createdAt, m.sentAt)).toList() : List.of(),
                reach.sees(CasePart.MONEY) ? deposits.standing(c.id).orElse(null) : null, labels, cover,
                new CaseView.Access(reach.parts(), reach.actions()));
    }

    /** The case's process as SVG, its current steps highlighted. */
    @Transactional
    public String diagram(UUID caseId) {
        PatientCase c = access.staffCase(caseId, CasePart.PROGRESS);
        audit.record(AuditAction.CASE_DIAGRAM_READ, c.id);
        return engine.diagram(c.processInstanceId);
    }

    private List<CaseView.TimelineEntry> timeline(PatientCase c) {
        List<CaseView.TimelineEntry> entries = new ArrayList<>();
        CaseStatusChange.historyOf(c.id).forEach(s -> entries.add(new CaseView.TimelineEntry(s.changedAt, "STATUS",
                s.status.name(), s.changedBy, null, "Status: " + Words.of(s.status))));
        CaseEvent.of(c.id).forEach(e -> entries.add(new CaseView.TimelineEntry(e.occurredAt, "EVENT", e.kind.name(),
                e.actor, null, Words.of(e.kind))));
        for (EngineDoor.PastTask t : engine.taskHistory(c.processInstanceId)) {
            entries.add(new CaseView.TimelineEntry(t.created(), "TASK_CREATED", t.name(), null, null,
                    "Task opened: " + t.name()));
            if (t.ended() != null) {
                entries.add(new CaseView.TimelineEntry(t.ended(), "TASK_COMPLETED", t.name(), t.assignee(), null,
                        "Task done: " + t.name()));
            }
        }
        entries.sort(Comparator.comparing(CaseView.TimelineEntry::at));
        return entries;
    }
}

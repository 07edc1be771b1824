package org.ipc.workitems;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * What part of the tasks a caller may see to list, and in which order; null means "any". {@code queue} keeps the
 * tasks of one candidate group; {@code language} is an ISO 639 code matched against the patient's language ({@code pt}
 * finds {@code pt-BR}); {@code followUp} says what to do with follow-up dates (by default a task set aside until a
 * later date is left out, as in Camunda's Tasklist); {@code patientName} finds names or family names that start with
 * it.
 */
public record WorkItemFilter(Assignee assignee, String queue, String language, String department, Boolean overdue,
        FollowUp followUp, UUID caseId, String caseReference, String patientName, String process, Sort sort) {

    public enum Assignee {
        ME, UNASSIGNED
    }

    /** Follow-up dates: the holder of a task sets one to put it aside until then. */
    public enum FollowUp {
        /** The default view: tasks without a follow-up date, or whose date has come. */
        ACTIVE,
        /** Tasks whose follow-up date has come. */
        DUE,
        /** The follow-up view: tasks set aside until a later date. */
        WAITING,
        /** Tasks without a follow-up date. */
        NONE,
        /** Every task, whatever its follow-up date. */
        ANY
    }

    /** The inbox's orders; each is one ordered walk down an index per queue. */
    public enum Sort {
        /** Business-time due date, then priority, then age (the default). */
        DUE,
        /** Highest priority first, then due date. */
        PRIORITY,
        /** Oldest first. */
        CREATED,
        /** Soonest follow-up date first (the follow-up view). */
        FOLLOW_UP
    }

    public static WorkItemFilter none() {
        return new WorkItemFilter(null, null, null, null, null, null, null, null, null, null, null);
    }

    public FollowUp followUpOrDefault() {
        return followUp == null ? FollowUp.ACTIVE : followUp;
    }

    public Sort sortOrDefault() {
        return sort == null ? Sort.DUE : sort;
    }

    public WorkItemFilter withAssignee(Assignee who) {
        return changed(f -> f.assignee = who);
    }

    public WorkItemFilter withQueue(String group) {
        return changed(f -> f.queue = group);
    }

    public WorkItemFilter withOverdue(Boolean due) {
        return changed(f -> f.overdue = due);
    }

    public WorkItemFilter withFollowUp(FollowUp dates) {
        return changed(f -> f.followUp = dates);
    }

    public WorkItemFilter withCaseReference(String reference) {
        return changed(f -> f.caseReference = reference);
    }

    public WorkItemFilter withSort(Sort order) {
        return changed(f -> f.sort = order);
    }

    /** This filter with one part changed. */
    private WorkItemFilter changed(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.filter();
    }

    /** A filter being changed, part by part. */
    private static final class Draft {
        Assignee assignee;
        String queue;
        String language;
        String department;
        Boolean overdue;
        FollowUp followUp;
        UUID caseId;
        String caseReference;
        String patientName;
        String process;
        Sort sort;

        Draft(WorkItemFilter f) {
            assignee = f.assignee;
            queue = f.queue;
            language = f.language;
            department = f.department;
            overdue = f.overdue;
            followUp = f.followUp;
            caseId = f.caseId;
            caseReference = f.caseReference;
            patientName = f.patientName;
            process = f.process;
            sort = f.sort;
        }

        WorkItemFilter filter() {
            return new WorkItemFilter(assignee, queue, language, department, overdue, followUp, caseId, caseReference,
                    patientName, process, sort);
        }
    }

    /** Only who holds it and which queue: the views whose totals the counters answer without counting. */
    boolean countedByCounters() {
        return language == null && department == null && overdue == null && caseId == null && caseReference == null
                && patientName == null && process == null
                && (followUpOrDefault() == FollowUp.ACTIVE || followUpOrDefault() == FollowUp.ANY);
    }

    /** A case, a reference or a name: few tasks match, found through their own index. */
    boolean selective() {
        return caseId != null || caseReference != null || patientName != null;
    }
}

package org.ipc.workitems;

import java.util.UUID;

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
        return new WorkItemFilter(who, queue, language, department, overdue, followUp, caseId, caseReference,
                patientName, process, sort);
    }

    public WorkItemFilter withQueue(String group) {
        return new WorkItemFilter(assignee, group, language, department, overdue, followUp, caseId, caseReference,
                patientName, process, sort);
    }

    public WorkItemFilter withOverdue(Boolean due) {
        return new WorkItemFilter(assignee, queue, language, department, due, followUp, caseId, caseReference,
                patientName, process, sort);
    }

    public WorkItemFilter withFollowUp(FollowUp f) {
        return new WorkItemFilter(assignee, queue, language, department, overdue, f, caseId, caseReference,
                patientName, process, sort);
    }

    public WorkItemFilter withCaseReference(String reference) {
        return new WorkItemFilter(assignee, queue, language, department, overdue, followUp, caseId, reference,
                patientName, process, sort);
    }

    public WorkItemFilter withSort(Sort order) {
        return new WorkItemFilter(assignee, queue, language, department, overdue, followUp, caseId, caseReference,
                patientName, process, order);
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

package org.ipc.workitems;

import java.util.UUID;

/**
 * What part of the tasks a caller may see to list; null means "any". {@code language} is an ISO 639 code matched
 * against the patient's language ({@code pt} finds {@code pt-BR}); {@code followUpDue} keeps tasks whose follow-up
 * date has come; {@code patientName} finds names or family names that start with it.
 */
public record WorkItemFilter(Assignee assignee, String language, String department, Boolean overdue,
        Boolean followUpDue, UUID caseId, String caseReference, String patientName, String process) {

    public enum Assignee {
        ME, UNASSIGNED
    }

    public static WorkItemFilter none() {
        return new WorkItemFilter(null, null, null, null, null, null, null, null, null);
    }

    public WorkItemFilter withAssignee(Assignee who) {
        return new WorkItemFilter(who, language, department, overdue, followUpDue, caseId, caseReference, patientName,
                process);
    }
}

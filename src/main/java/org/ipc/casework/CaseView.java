package org.ipc.casework;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ipc.cases.CaseStatus;
import org.ipc.cases.CaseType;
import org.ipc.cases.Urgency;
import org.ipc.documents.DocumentView;
import org.ipc.estimates.DepositView;
import org.ipc.messages.MessageView;
import org.ipc.cases.Acknowledgement;
import org.ipc.patients.PatientDetails;
import org.ipc.workitems.TaskView;

/**
 * The case for the Center's staff: patient, physician, documents, conversation, notes, timeline, steps, and where
 * the deposit stands against the current estimate (null before finance writes one), each part as far as the
 * caller's roles see it ({@code access}): a part not seen is null or an empty list.
 */
@Schema(name = "StaffCase")
public record CaseView(
        UUID id,
        String reference,
        CaseStatus status,
        CaseType type,
        String department,
        Urgency urgency,
        String clinicalSummary,
        String owner,
        Instant createdAt,
        Acknowledgement acknowledgement,
        PatientDetails patient,
        Physician referringPhysician,
        List<DocumentView> documents,
        List<MessageView> messages,
        List<Note> notes,
        List<TimelineEntry> timeline,
        List<Step> currentSteps,
        List<TaskView> openTasks,
        List<Mail> mail,
        /** The deposit's ledger: what is required, received and still due (null before an estimate). */
        DepositView deposit,
        /** In words, beside the codes above: for people, not for programs. */
        Labels labels,
        /** Who covers for the owner while they are away (absence cover); null when the owner is here. */
        Cover coveredBy,
        /** The parts of the case the caller sees and the actions they may take (the parts not seen are left out). */
        Access access) {

    /** What the caller's roles give them of this case, by the office's access policy (docs/security.md). */
    public record Access(java.util.Set<org.ipc.access.CasePart> parts, java.util.Set<org.ipc.access.CaseAction> actions) {
    }

    /** The case's codes in words, its people by name, and the patient's local time now. */
    @Schema(name = "StaffCaseLabels")
    public record Labels(String status, String type, String department, String urgency, String ownerName,
            String patientCountry, String patientLanguage, java.time.OffsetDateTime patientLocalTime,
            String physicianCountry) {
    }

    /** The colleague working for the owner during their absence, and the last day of it (office date). */
    @Schema(name = "StaffCaseCover")
    public record Cover(String subject, String name, java.time.LocalDate until) {
    }

    public record Physician(String name, String email, String institution, String country) {
    }

    /** Free text written into a task's form. */
    @Schema(name = "StaffCaseNote")
    public record Note(String taskKey, String field, String body, String author, Instant at) {
    }

    /** One line of the case's history: a status, an event or a task, with who and when (and both in words). */
    public record TimelineEntry(Instant at, String kind, String what, String who, String whoName, String label) {
    }

    /**
     * A mail of the case's outbox: what it tells whom, and whether it went. A {@code FAILED} mail (the address was
     * refused, or too many attempts) is for the coordinator to follow up by phone or with a corrected address.
     */
    @Schema(name = "StaffCaseMail")
    public record Mail(String milestone, String recipientKind, String recipient, String language, String subject,
            String status, int attempts, String lastError, Instant createdAt, Instant sentAt) {
    }

    /** A BPMN element the case's process is at now. */
    @Schema(name = "StaffCaseStep")
    public record Step(String id, String name) {
    }
}

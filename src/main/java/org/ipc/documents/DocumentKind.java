package org.ipc.documents;

import java.util.Optional;

import org.ipc.access.CasePart;
import org.ipc.cases.CaseEvent;

/**
 * What a document is, and the rules that come with it: who uploads it (physicians their records, staff what people
 * write; papers the service makes, such as estimates and visa letters, are made only by the service), the part of the
 * case it belongs to (who sees it, by the access policy: a visa letter only those who see visa letters), and the event
 * before which the referring physician does not see it.
 */
public enum DocumentKind {
    MEDICAL_RECORD(true, false, CasePart.CLINICAL, null),
    IMAGING(true, false, CasePart.CLINICAL, null),
    IMAGING_REPORT(true, false, CasePart.CLINICAL, null),
    PATHOLOGY_REPORT(true, false, CasePart.CLINICAL, null),
    LAB_RESULT(true, false, CasePart.CLINICAL, null),
    TRANSLATION(false, false, CasePart.CLINICAL, null),
    COST_ESTIMATE(false, true, CasePart.MONEY, null),
    VISA_INVITATION(false, true, CasePart.VISA_LETTERS, null),
    OPINION_LETTER(false, false, CasePart.CLINICAL, CaseEvent.Kind.OPINION_RELEASED),
    VISIT_SUMMARY(false, false, CasePart.CLINICAL, CaseEvent.Kind.SUMMARY_SENT),
    OTHER(true, false, CasePart.CLINICAL, null);

    private final boolean physicianMayUpload;
    private final boolean generated;
    private final CasePart part;
    private final CaseEvent.Kind releasedBy;

    DocumentKind(boolean physicianMayUpload, boolean generated, CasePart part, CaseEvent.Kind releasedBy) {
        this.physicianMayUpload = physicianMayUpload;
        this.generated = generated;
        this.part = part;
        this.releasedBy = releasedBy;
    }

    public boolean physicianMayUpload() {
        return physicianMayUpload;
    }

    /** A paper the service makes from its own records (an estimate, a visa letter): nobody uploads one. */
    public boolean generated() {
        return generated;
    }

    /** The part of the case the document belongs to: whoever sees that part sees the document. */
    public CasePart part() {
        return part;
    }

    /** The case event before which the referring physician may not see a document of this kind. */
    public Optional<CaseEvent.Kind> releasedBy() {
        return Optional.ofNullable(releasedBy);
    }

    /** The kinds hospital staff may upload, for the error that names them. */
    static String staffKinds() {
        return java.util.Arrays.stream(values()).filter(k -> !k.generated).map(Enum::name)
                .collect(java.util.stream.Collectors.joining(", "));
    }
}

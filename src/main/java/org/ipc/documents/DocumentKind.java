package org.ipc.documents;

import java.util.Optional;

import org.ipc.cases.CaseEvent;

/** What a document is. Physicians upload records; the Center adds the rest. */
public enum DocumentKind {
    MEDICAL_RECORD(true, null),
    IMAGING(true, null),
    IMAGING_REPORT(true, null),
    PATHOLOGY_REPORT(true, null),
    LAB_RESULT(true, null),
    TRANSLATION(false, null),
    COST_ESTIMATE(false, null),
    VISA_INVITATION(false, null),
    OPINION_LETTER(false, CaseEvent.Kind.OPINION_RELEASED),
    VISIT_SUMMARY(false, CaseEvent.Kind.SUMMARY_SENT),
    OTHER(true, null);

    private final boolean physicianMayUpload;
    private final CaseEvent.Kind releasedBy;

    DocumentKind(boolean physicianMayUpload, CaseEvent.Kind releasedBy) {
        this.physicianMayUpload = physicianMayUpload;
        this.releasedBy = releasedBy;
    }

    public boolean physicianMayUpload() {
        return physicianMayUpload;
    }

    /** The case event before which the referring physician may not see a document of this kind. */
    public Optional<CaseEvent.Kind> releasedBy() {
        return Optional.ofNullable(releasedBy);
    }
}

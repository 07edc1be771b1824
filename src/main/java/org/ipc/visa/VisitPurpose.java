package org.ipc.visa;

/** Why the patient travels, as the letter tells the consulate. */
public enum VisitPurpose {
    /** Medical evaluation (consultations and tests). */
    EVALUATION,
    /** Medical treatment. */
    TREATMENT
}

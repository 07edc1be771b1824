package org.ipc.access;

/** A part of a case, as the access policy hands parts out: each role sees the parts its work needs. */
public enum CasePart {
    /** Where the case stands: status, type, department, urgency, owner, referring physician, timeline, steps, tasks. */
    PROGRESS,
    /** Who the patient is: name, birth date, country, language, time zone, contact. */
    PATIENT,
    /**
     * The medical side: the clinical summary, the notes written into task forms, and the clinical documents
     * (records, imaging, reports, translations, opinion letters, visit summaries).
     */
    CLINICAL,
    /** The conversation between the referring physician and the Center. */
    MESSAGES,
    /** The money side: estimates and their papers, payments, the deposit. */
    MONEY,
    /** Visa invitation letters: they name passport numbers. */
    VISA_LETTERS,
    /** Appointments, travel, the patient's arrival. */
    ITINERARY,
    /** The mail sent about the case, with its recipients' addresses and the mail server's answers. */
    MAIL_LOG
}

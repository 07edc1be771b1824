package org.ipc.workflow;

/**
 * The only process variables we set: ids and routing keys. Everything else about a case lives in our tables.
 */
public final class ProcessVariables {

    /** The case's UUID, as a string. */
    public static final String CASE_ID = "caseId";
    /** The patient's primary language subtag ({@code ar}, {@code zh}): routes coordinator tasks. */
    public static final String LANGUAGE = "language";
    /** The department code: routes specialist tasks. */
    public static final String DEPARTMENT = "department";

    private ProcessVariables() {
    }
}

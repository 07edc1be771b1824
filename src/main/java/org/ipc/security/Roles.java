package org.ipc.security;

import java.util.List;

/** The realm roles of DESIGN.md, as they arrive in the token's {@code realm_access.roles}. */
public final class Roles {

    public static final String PHYSICIAN = "physician";
    public static final String COORDINATOR = "coordinator";
    public static final String SPECIALIST = "specialist";
    public static final String FINANCE = "finance";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";

    /** Roles that work tasks; each is also the Camunda candidate group of the tasks meant for it. */
    public static final List<String> ALL = List.of(PHYSICIAN, COORDINATOR, SPECIALIST, FINANCE, SUPERVISOR, ADMIN);
    public static final List<String> TASK_GROUPS = List.of(COORDINATOR, SPECIALIST, FINANCE, SUPERVISOR);

    /** A coordinator's language arrives as a realm role {@code lang:<ISO 639 code>}, e.g. {@code lang:ar}. */
    public static final String LANGUAGE_PREFIX = "lang:";
    /** A specialist's department arrives as a realm role {@code dept:<department code>}. */
    public static final String DEPARTMENT_PREFIX = "dept:";

    /** Candidate group of coordinator tasks for patients speaking {@code language}. */
    public static String coordinatorsSpeaking(String language) {
        return COORDINATOR + ":" + language;
    }

    /** Candidate group of specialist tasks of {@code department}. */
    public static String specialistsOf(String department) {
        return SPECIALIST + ":" + department;
    }

    private Roles() {
    }
}

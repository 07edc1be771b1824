package org.ipc.access;

import static org.ipc.access.CaseAction.HAND_OVER;
import static org.ipc.access.CaseAction.ISSUE_ESTIMATE;
import static org.ipc.access.CaseAction.ISSUE_VISA_LETTER;
import static org.ipc.access.CaseAction.PLAN_ITINERARY;
import static org.ipc.access.CaseAction.RECORD_ARRIVAL;
import static org.ipc.access.CaseAction.RECORD_PAYMENT;
import static org.ipc.access.CaseAction.SEND_MESSAGE;
import static org.ipc.access.CaseAction.UPLOAD_DOCUMENT;
import static org.ipc.access.CasePart.CLINICAL;
import static org.ipc.access.CasePart.MESSAGES;
import static org.ipc.access.CasePart.MONEY;
import static org.ipc.access.CasePart.PATIENT;
import static org.ipc.access.CasePart.PROGRESS;
import static org.ipc.access.CasePart.VISA_LETTERS;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.ipc.security.Roles;

/**
 * Who reaches which case, which parts of it and which actions: the office's one access policy, written once here and
 * asked by the services (through {@code cases/CaseAccess}), so the API and the pages answer alike and a new endpoint
 * cannot forget it. A role reaches a case by its scope (every case, its own, one its department or finance has or had
 * a task on); a person with several roles gets what each gives. A case outside the caller's reach answers as a
 * missing one (404); a part or an action the reach lacks answers 403. Document kinds belong to a part each, so a
 * visa letter goes only to those who see visa letters. The table in docs/security.md is {@link #table()}.
 */
public final class AccessPolicy {

    /** Which cases a role reaches. */
    public enum Scope {
        /** Every case of the hospital. */
        EVERY_CASE("every case"),
        /** The cases the caller submitted (the referring physician). */
        OWN_CASES("the cases they submitted"),
        /** The cases on which one of the caller's departments has or had a task ({@code specialist:<department>}). */
        DEPARTMENT_TASK("cases their department has or had a task on"),
        /** The cases that have or had a finance task ({@code finance}). */
        FINANCE_TASK("cases with a finance task, now or before"),
        /** None. */
        NO_CASE("none");

        private final String words;

        Scope(String words) {
            this.words = words;
        }
    }

    /** What one role is given. */
    record Grant(Scope scope, Set<CasePart> parts, Set<CaseAction> actions) {
    }

    /** Who asks: their realm roles and the task groups they work ({@code specialist:<department>}, ...). */
    public record Caller(Set<String> roles, Set<String> taskGroups) {
    }

    /**
     * What the policy needs to know of a case: whether the caller submitted it, and every candidate group its tasks
     * have had, past and present (asked only when a role's scope depends on it).
     */
    public record CaseFacts(boolean submittedByCaller, Supplier<Set<String>> taskGroups) {
    }

    private static final Set<CasePart> EVERYTHING = EnumSet.allOf(CasePart.class);
    private static final Map<String, Grant> GRANTS = new LinkedHashMap<>();

    static {
        GRANTS.put(Roles.PHYSICIAN, new Grant(Scope.OWN_CASES,
                EnumSet.of(PROGRESS, PATIENT, CLINICAL, MESSAGES, MONEY, VISA_LETTERS),
                EnumSet.of(SEND_MESSAGE, UPLOAD_DOCUMENT)));
        GRANTS.put(Roles.COORDINATOR, new Grant(Scope.EVERY_CASE, EVERYTHING,
                EnumSet.of(SEND_MESSAGE, UPLOAD_DOCUMENT, RECORD_ARRIVAL, ISSUE_VISA_LETTER, PLAN_ITINERARY)));
        GRANTS.put(Roles.SPECIALIST, new Grant(Scope.DEPARTMENT_TASK, EnumSet.of(PROGRESS, PATIENT, CLINICAL, MESSAGES),
                EnumSet.of(SEND_MESSAGE, UPLOAD_DOCUMENT)));
        GRANTS.put(Roles.FINANCE, new Grant(Scope.FINANCE_TASK, EnumSet.of(PROGRESS, PATIENT, MONEY),
                EnumSet.of(ISSUE_ESTIMATE, RECORD_PAYMENT)));
        GRANTS.put(Roles.SUPERVISOR, new Grant(Scope.EVERY_CASE, EVERYTHING, EnumSet.of(SEND_MESSAGE, UPLOAD_DOCUMENT,
                HAND_OVER, RECORD_ARRIVAL, ISSUE_VISA_LETTER, PLAN_ITINERARY)));
        GRANTS.put(Roles.ADMIN, new Grant(Scope.NO_CASE, Set.of(), Set.of()));
    }

    private AccessPolicy() {
    }

    /** What {@code caller} may do with the case: the union of what each of their roles reaches. */
    public static Reach reach(Caller caller, CaseFacts facts) {
        Reach reach = Reach.NONE;
        for (Map.Entry<String, Grant> grant : GRANTS.entrySet()) {
            if (caller.roles().contains(grant.getKey()) && inScope(grant.getValue().scope(), caller, facts)) {
                reach = reach.and(new Reach(grant.getValue().parts(), grant.getValue().actions()));
            }
        }
        return reach;
    }

    private static boolean inScope(Scope scope, Caller caller, CaseFacts facts) {
        return switch (scope) {
            case EVERY_CASE -> true;
            case OWN_CASES -> facts.submittedByCaller();
            case DEPARTMENT_TASK -> facts.taskGroups().get().stream()
                    .anyMatch(g -> g.startsWith(Roles.SPECIALIST + ":") && caller.taskGroups().contains(g));
            case FINANCE_TASK -> facts.taskGroups().get().contains(Roles.FINANCE);
            case NO_CASE -> false;
        };
    }

    /** The policy as a Markdown table, one row per role: the table of docs/security.md. */
    public static String table() {
        StringBuilder md = new StringBuilder("| role | cases | parts | actions |\n| --- | --- | --- | --- |\n");
        GRANTS.forEach((role, grant) -> md.append("| ").append(role).append(" | ").append(grant.scope().words)
                .append(" | ").append(words(grant.parts().stream().map(Enum::name).collect(Collectors.toList())))
                .append(" | ").append(words(grant.actions().stream().map(Enum::name).collect(Collectors.toList())))
                .append(" |\n"));
        return md.toString();
    }

    private static String words(java.util.List<String> names) {
        return names.isEmpty() ? "–"
                : names.stream().map(n -> n.toLowerCase(Locale.ROOT).replace('_', ' ')).collect(Collectors.joining(", "));
    }
}

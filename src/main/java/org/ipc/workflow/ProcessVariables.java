package org.ipc.workflow;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.ProcessEngineServicesAware;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The only process variables we set: ids and routing keys. Everything else about a case lives in our tables.
 */
public final class ProcessVariables {

    /** The case's UUID, as a string. */
    public static final String CASE_ID = "caseId";
    /** The department code: routes specialist tasks. */
    public static final String DEPARTMENT = "department";

    /** Candidate group of the case's coordinator tasks: {@code coordinator:<language>} or {@code coordinator}. */
    public static final String COORDINATOR_GROUP = "coordinatorGroup";
    /** True when no coordinator speaks the patient's language: an interpreter is arranged. */
    public static final String INTERPRETER_NEEDED = "interpreterNeeded";

    /** Candidate group of the case's specialist tasks: {@code specialist:<department>}. */
    public static final String SPECIALIST_GROUP = "specialistGroup";

    private ProcessVariables() {
    }

    /** The user the engine is working for now (who completed the task, sent the message), or null for a timer. */
    public static String actor(ProcessEngineServicesAware scope) {
        Authentication current = scope.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current == null ? null : current.getUserId();
    }

    /** The case a process (or one of its tasks) works on. */
    public static UUID caseId(VariableScope scope) {
        return UUID.fromString((String) scope.getVariable(CASE_ID));
    }
}

package org.ipc.workflow;

import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ipc.cases.CaseSnapshot;
import org.ipc.security.Roles;

/** Decides, when a case's process starts, who its tasks go to; the answer travels as routing keys. */
@ApplicationScoped
public class TaskRouting {

    @Inject
    RoutingConfig config;

    public Map<String, Object> variablesFor(CaseSnapshot c) {
        String language = Locale.forLanguageTag(c.patient().preferredLanguage()).getLanguage();
        boolean spoken = config.coordinatorLanguages().contains(language);
        return Map.of(
                ProcessVariables.CASE_ID, c.id().toString(),
                ProcessVariables.DEPARTMENT, c.department(),
                ProcessVariables.COORDINATOR_GROUP, spoken ? Roles.coordinatorsSpeaking(language) : Roles.COORDINATOR,
                ProcessVariables.INTERPRETER_NEEDED, !spoken);
    }
}

package org.ipc.testing;

import java.util.HashMap;
import java.util.Map;

/** Synthetic case submissions; every patient here is invented. */
public final class CaseRequests {

    private CaseRequests() {
    }

    public static Map<String, Object> patient() {
        Map<String, Object> p = new HashMap<>();
        p.put("givenName", "Ana");
        p.put("familyName", "Souza");
        p.put("birthDate", "1968-04-02");
        p.put("sex", "female");
        p.put("countryOfResidence", "BR");
        p.put("preferredLanguage", "pt-BR");
        p.put("email", "ana.souza@example.org");
        p.put("phone", "+5511999999999");
        p.put("timeZone", "America/Sao_Paulo");
        p.put("emailConsent", true);
        return p;
    }

    public static Map<String, Object> secondOpinion() {
        return ofType("SECOND_OPINION");
    }

    public static Map<String, Object> ofType(String type) {
        Map<String, Object> c = new HashMap<>();
        c.put("type", type);
        c.put("department", "cancer-center");
        c.put("urgency", "ROUTINE");
        c.put("clinicalSummary", "Synthetic summary: suspected lesion, imaging attached later.");
        c.put("patient", patient());
        return c;
    }
}

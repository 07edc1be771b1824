package org.ipc.testing;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

/** Finds tasks through the inbox API, as a coordinator would. */
public final class Inbox {

    private Inbox() {
    }

    /** The open intake task of a case (by id, or by reference), from the coordinators' unassigned queue. */
    public static Map<String, Object> intakeTaskOf(String caseIdOrReference) {
        String caseId = caseIdOrReference.startsWith("IPC-") ? Portal.idOf(caseIdOrReference) : caseIdOrReference;
        List<Map<String, Object>> items = given().auth().oauth2(Tokens.of("coordinator"))
                .queryParam("assignee", "unassigned").queryParam("caseId", caseId).queryParam("size", 100)
                .when().get("/api/inbox/tasks")
                .then().statusCode(200)
                .extract().jsonPath().getList("items");
        return items.stream().filter(t -> caseId.equals(t.get("caseId")) || caseId.equals(t.get("caseReference")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no intake task for " + caseId + " in " + items));
    }
}

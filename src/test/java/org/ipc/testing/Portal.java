package org.ipc.testing;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.http.ContentType;

/** Submits synthetic cases through the portal, as a physician would. */
public final class Portal {

    private Portal() {
    }

    /** The id of a case from its reference, through the service's own table. */
    public static String idOf(String reference) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> org.ipc.cases.PatientCase
                .<org.ipc.cases.PatientCase>find("reference", reference).firstResult().id.toString());
    }

    /** The reference of a case from its id. */
    public static String referenceOf(String caseId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> org.ipc.cases.PatientCase
                .<org.ipc.cases.PatientCase>findById(java.util.UUID.fromString(caseId)).reference);
    }

    /** A second-opinion case; answers its id. */
    public static String submit(String physician) {
        return submit(physician, "SECOND_OPINION");
    }

    public static String submit(String physician, String type) {
        return submit(physician, type, Map.of());
    }

    /** A case whose patient differs from the standard synthetic one in {@code patientChanges}. */
    @SuppressWarnings("unchecked")
    public static String submit(String physician, String type, Map<String, Object> patientChanges) {
        Map<String, Object> request = CaseRequests.ofType(type);
        ((Map<String, Object>) request.get("patient")).putAll(patientChanges);
        return given().auth().oauth2(Tokens.of(physician))
                .contentType(ContentType.JSON).body(request)
                .when().post("/api/portal/cases")
                .then().statusCode(201).extract().path("id");
    }
}

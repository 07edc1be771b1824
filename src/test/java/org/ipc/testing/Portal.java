package org.ipc.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;

/** Submits synthetic cases through the portal, as a physician would. */
public final class Portal {

    private Portal() {
    }

    /** A second-opinion case; answers its id. */
    public static String submit(String physician) {
        return submit(physician, "SECOND_OPINION");
    }

    public static String submit(String physician, String type) {
        return given().auth().oauth2(Tokens.of(physician))
                .contentType(ContentType.JSON).body(CaseRequests.ofType(type))
                .when().post("/api/portal/cases")
                .then().statusCode(201).extract().path("id");
    }
}

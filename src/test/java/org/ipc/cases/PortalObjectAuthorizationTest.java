package org.ipc.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.ipc.testing.Portal;
import org.ipc.testing.SampleFiles;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Endpoint by endpoint, another physician's case or document answers exactly like one that does not exist,
 * and changes nothing.
 */
@QuarkusTest
class PortalObjectAuthorizationTest {

    private String caseId;
    private String docId;
    private String otherCase;
    private String otherDoc;

    @BeforeEach
    void twoPhysiciansWithACaseAndADocumentEach() {
        caseId = Portal.submit("physician");
        docId = upload("physician", caseId);
        otherCase = Portal.submit("physician2");
        otherDoc = upload("physician2", otherCase);
    }

    @Test
    void readingAnotherPhysiciansCase() {
        assertHidden(as("physician2").get("/api/portal/cases/" + caseId));
    }

    @Test
    void withdrawingAnotherPhysiciansCase() {
        assertHidden(as("physician2").post("/api/portal/cases/" + caseId + "/withdraw"));
        as("physician").get("/api/portal/cases/" + caseId).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.not("WITHDRAWN"));
    }

    @Test
    void listingAnotherPhysiciansDocuments() {
        assertHidden(as("physician2").get("/api/portal/cases/" + caseId + "/documents"));
    }

    @Test
    void downloadingAnotherPhysiciansDocument() {
        assertHidden(as("physician2").get("/api/portal/cases/" + caseId + "/documents/" + docId));
    }

    @Test
    void downloadingAnotherCasesDocumentThroughOnesOwnCase() {
        assertHidden(as("physician").get("/api/portal/cases/" + caseId + "/documents/" + otherDoc));
    }

    @Test
    void uploadingToAnotherPhysiciansCase() {
        Response r = given().auth().oauth2(Tokens.of("physician2"))
                .multiPart("file", "x.pdf", SampleFiles.pdf(), "application/pdf")
                .when().post("/api/portal/cases/" + caseId + "/documents");
        assertHidden(r);
        as("physician").get("/api/portal/cases/" + caseId + "/documents").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void readingAnotherPhysiciansMessages() {
        assertHidden(as("physician2").get("/api/portal/cases/" + caseId + "/messages"));
    }

    @Test
    void writingIntoAnotherPhysiciansConversation() {
        Response r = given().auth().oauth2(Tokens.of("physician2")).contentType(ContentType.JSON)
                .body(Map.of("body", "hello")).when().post("/api/portal/cases/" + caseId + "/messages");
        assertHidden(r);
        as("physician").get("/api/portal/cases/" + caseId + "/messages").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void idsThatAreNotUuidsAreNotFoundEverywhere() {
        assertHidden(as("physician").get("/api/portal/cases/not-a-uuid/documents"));
        assertHidden(as("physician").get("/api/portal/cases/" + caseId + "/documents/not-a-uuid"));
        assertHidden(as("physician").get("/api/portal/cases/not-a-uuid/messages"));
        assertHidden(as("physician").post("/api/portal/cases/not-a-uuid/withdraw"));
        assertHidden(as("physician").get("/api/portal/cases/" + UUID.randomUUID() + "/messages"));
    }

    private static io.restassured.specification.RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }

    private static void assertHidden(Response response) {
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.asString()).doesNotContain("Ana").doesNotContain("Souza");
    }

    private static String upload(String physician, String caseId) {
        return given().auth().oauth2(Tokens.of(physician))
                .multiPart("file", "records.pdf", SampleFiles.pdf(), "application/pdf")
                .when().post("/api/portal/cases/" + caseId + "/documents")
                .then().statusCode(201).extract().path("items[0].id");
    }
}

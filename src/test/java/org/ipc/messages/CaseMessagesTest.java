package org.ipc.messages;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import org.ipc.testing.Portal;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Physician and coordinator talk about a case: newest last, with who and when. */
@QuarkusTest
class CaseMessagesTest {

    private String caseId;

    @BeforeEach
    void aCase() {
        caseId = Portal.submit("physician");
    }

    @Test
    void aConversationReadsTheSameOnBothSidesOldestFirst() {
        post("physician", "/api/portal/cases/", "The slides go out by courier today.").statusCode(201)
                .body("authorRole", equalTo("physician")).body("createdAt", notNullValue());
        post("coordinator", "/api/cases/", "Thank you, we will confirm receipt.").statusCode(201)
                .body("authorRole", equalTo("coordinator"));
        post("physician", "/api/portal/cases/", "Tracking number 123.").statusCode(201);

        List<String> expected = List.of("The slides go out by courier today.", "Thank you, we will confirm receipt.",
                "Tracking number 123.");
        given().auth().oauth2(Tokens.of("physician")).when().get("/api/portal/cases/" + caseId + "/messages")
                .then().statusCode(200).body("items.body", equalTo(expected))
                .body("items.authorRole", equalTo(List.of("physician", "coordinator", "physician")))
                .body("total", equalTo(3));
        given().auth().oauth2(Tokens.of("coordinator")).when().get("/api/cases/" + caseId + "/messages")
                .then().statusCode(200).body("items.body", equalTo(expected));
    }

    @Test
    void badMessagesAreNamed() {
        post("physician", "/api/portal/cases/", "   ").statusCode(400).body("errors.field", hasItem("body"));
        post("physician", "/api/portal/cases/", "x".repeat(5001)).statusCode(400).body("errors.field", hasItem("body"));
        post("physician", "/api/portal/cases/", "bell\u0007").statusCode(400).body("errors.field", hasItem("body"));
        given().auth().oauth2(Tokens.of("physician")).contentType(ContentType.JSON).body("{}")
                .when().post("/api/portal/cases/" + caseId + "/messages")
                .then().statusCode(400).body("errors.field", hasItem("body"));
    }

    @Test
    void linesAndScriptsOfEveryLanguageAreKept() {
        String text = "Olá,\nos exames seguem anexos.\n谢谢 — شكرا";
        post("physician", "/api/portal/cases/", text).statusCode(201).body("body", equalTo(text));
    }

    private io.restassured.response.ValidatableResponse post(String user, String base, String body) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(Map.of("body", body))
                .when().post(base + caseId + "/messages").then();
    }
}

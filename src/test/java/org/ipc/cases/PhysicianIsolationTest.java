package org.ipc.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.UUID;

import org.ipc.testing.Portal;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A physician sees only the cases they submitted; everyone else gets the answer a missing case gets. */
@QuarkusTest
class PhysicianIsolationTest {

    @Test
    void physicianCannotSeeAnotherPhysiciansCase() {
        String caseId = Portal.submit("physician");

        given().auth().oauth2(Tokens.of("physician2"))
                .when().get("/api/portal/cases/" + caseId)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Not found"));
    }

    @Test
    void anotherPhysiciansCaseIsAnsweredExactlyLikeAMissingOne() {
        String caseId = Portal.submit("physician");
        String foreign = given().auth().oauth2(Tokens.of("physician2"))
                .when().get("/api/portal/cases/" + caseId).then().statusCode(404).extract().path("detail");
        String missing = given().auth().oauth2(Tokens.of("physician2"))
                .when().get("/api/portal/cases/" + UUID.randomUUID()).then().statusCode(404).extract().path("detail");
        assertThat(foreign).isEqualTo(missing);
    }

    @Test
    void anotherPhysiciansCasesAreNotListed() {
        String caseId = Portal.submit("physician");
        Portal.submit("physician2");

        List<String> ids = given().auth().oauth2(Tokens.of("physician2"))
                .queryParam("size", 100)
                .when().get("/api/portal/cases")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(ids).isNotEmpty().doesNotContain(caseId);
    }

    @Test
    void idThatIsNotAUuidIsNotFound() {
        given().auth().oauth2(Tokens.of("physician"))
                .when().get("/api/portal/cases/IPC-2026-000001")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void noTokenIsA401Problem() {
        given().when().get("/api/portal/cases")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    void forgedTokenIsA401Problem() {
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.c2lnbmF0dXJl")
                .when().get("/api/portal/cases")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void coordinatorIsNotAPhysician() {
        given().auth().oauth2(Tokens.of("coordinator"))
                .when().get("/api/portal/cases")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void physicianIsNotACoordinator() {
        given().auth().oauth2(Tokens.of("physician"))
                .when().get("/api/inbox/tasks")
                .then().statusCode(403).contentType("application/problem+json");
    }
}

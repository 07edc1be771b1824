package org.ipc.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.ipc.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Readiness covers database and engine; unknown paths and methods still answer problem+json. */
@QuarkusTest
class HealthAndErrorsTest {

    @Test
    void readyWhenDatabaseAndEngineAreUsable() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("workflow-engine", "Database connections health check"))
                .body("checks.find { it.name == 'workflow-engine' }.data.processDefinitions", equalTo(2));
    }

    @Test
    void unknownApiPathIsA404Problem() {
        given().auth().oauth2(Tokens.of("physician"))
                .when().get("/api/portal/nothing-here")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void wrongMethodIsA405Problem() {
        given().auth().oauth2(Tokens.of("physician"))
                .when().delete("/api/portal/cases")
                .then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void openApiIsPublished() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/portal/cases"));
    }
}

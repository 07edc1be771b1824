package org.ipc.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The README's way to a dev-mode token works and its tokens are accepted by the API. */
@QuarkusTest
class DevTokenTest {

    @Test
    void demoUserTokenOpensTheApi() {
        String token = given().when().get("/dev/token/coordinator").then().statusCode(200).extract().asString();
        given().auth().oauth2(token).when().get("/api/inbox/tasks").then().statusCode(200);
    }

    @Test
    void unknownDemoUserIsNamed() {
        given().when().get("/dev/token/mallory").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("user"));
    }
}

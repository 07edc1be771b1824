package org.ipc.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The portal's OpenAPI document shows an example of each request and of each error a client can meet. */
@QuarkusTest
class OpenApiTest {

    @Test
    void portalEndpointsCarryRequestAndErrorExamples() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .rootPath("paths.'/api/portal/cases'.post")
                .body("requestBody.content.'application/json'.examples.'second opinion'.value", notNullValue())
                .body("responses", hasKey("201"))
                .body("responses.'400'.content.'application/problem+json'.examples.'invalid fields'.value", notNullValue())
                .body("responses.'422'.content.'application/problem+json'.examples", notNullValue())
                .rootPath("paths.'/api/portal/cases/{id}/documents'.post")
                .body("responses.'413'.content.'application/problem+json'.examples", notNullValue())
                .body("responses.'415'.content.'application/problem+json'.examples", notNullValue())
                .body("responses.'201'.description", containsString("DICOM"))
                .rootPath("paths.'/api/portal/cases/{id}/messages'.post")
                .body("requestBody.content.'application/json'.examples.message.value", notNullValue())
                .rootPath("paths.'/api/portal/cases/{id}/withdraw'.post")
                .body("responses.'409'.content.'application/problem+json'.examples", notNullValue());
    }
}

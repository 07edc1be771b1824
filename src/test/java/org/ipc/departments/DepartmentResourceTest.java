package org.ipc.departments;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import org.ipc.testing.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The hospital's departments, for any signed-in user. */
@QuarkusTest
class DepartmentResourceTest {

    @ParameterizedTest
    @ValueSource(strings = { "physician", "coordinator", "specialist", "finance", "supervisor", "admin" })
    void everySignedInRoleSeesTheHospitalsDepartments(String user) {
        given().auth().oauth2(Tokens.of(user))
                .when().get("/api/departments")
                .then().statusCode(200)
                .body("code", hasItems("cancer-center", "heart-center", "neurology", "orthopaedic-surgery",
                        "transplant-center"))
                .body("find { it.code == 'cancer-center' }.name", equalTo("Cancer Center"))
                .body("code", hasSize(25));
    }

    @Test
    void anonymousCallersAreAskedToSignIn() {
        given().when().get("/api/departments").then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void departmentsAreListedInTheHospitalsOrder() {
        given().auth().oauth2(Tokens.of("physician"))
                .when().get("/api/departments")
                .then().statusCode(200)
                .body("[0].code", equalTo("anesthesia-critical-care-pain"))
                .body("name", hasItem("Otolaryngology (ENT)"));
    }
}

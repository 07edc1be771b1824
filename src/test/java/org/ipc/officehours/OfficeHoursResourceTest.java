package org.ipc.officehours;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The public office-hours endpoints give the engine's answers, in the caller's time zone, to anyone. */
@QuarkusTest
class OfficeHoursResourceTest {

    @Test
    void closedOnSaturdayOpensMondayInThePatientsOwnTime() {
        given().queryParam("at", "2026-11-21T12:00:00-05:00").queryParam("tz", "America/Sao_Paulo")
                .when().get("/api/office-hours")
                .then().statusCode(200)
                .body("open", equalTo(false))
                .body("at", equalTo("2026-11-21T14:00-03:00"))
                .body("nextOpening", equalTo("2026-11-23T10:00-03:00"))
                .body("closesAt", nullValue())
                .body("timeZone", equalTo("America/Sao_Paulo"))
                .body("officeTimeZone", equalTo("America/New_York"))
                .body("hours", hasSize(7))
                .body("hours[0].closed", equalTo("Weekend"))
                .body("hours[2].opens", equalTo("2026-11-23T10:00-03:00"))
                .body("hours[2].closes", equalTo("2026-11-23T19:00-03:00"))
                .body("hours[5].date", equalTo("2026-11-26"))
                .body("hours[5].closed", equalTo("Thanksgiving Day"));
    }

    @Test
    void openOnAWeekdayMorningUntilClosing() {
        given().queryParam("at", "2026-11-23T14:00:00Z")
                .when().get("/api/office-hours")
                .then().statusCode(200)
                .body("open", equalTo(true))
                .body("nextOpening", equalTo("2026-11-23T09:00-05:00"))
                .body("closesAt", equalTo("2026-11-23T17:00-05:00"))
                .body("timeZone", equalTo("America/New_York"));
    }

    @Test
    void deadlineIsTheEnginesBusinessTime() {
        given().queryParam("from", "2026-11-20T16:00:00-05:00").queryParam("duration", "P1D")
                .when().get("/api/office-hours/deadline")
                .then().statusCode(200)
                .body("deadline", equalTo("2026-11-23T16:00-05:00"))
                .body("duration", equalTo("P1D"));
        given().queryParam("from", "2026-12-07T09:00:00-05:00").queryParam("duration", "-P7D")
                .queryParam("tz", "Asia/Dubai")
                .when().get("/api/office-hours/deadline")
                .then().statusCode(200)
                .body("deadline", equalTo("2026-11-25T18:00+04:00"));
    }

    @Test
    void badInputNamesTheField() {
        given().queryParam("at", "yesterday").when().get("/api/office-hours")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("at"));
        given().queryParam("tz", "Mars/Base").when().get("/api/office-hours")
                .then().statusCode(400).body("errors.field", hasItem("tz"));
        given().queryParam("duration", "P1M").when().get("/api/office-hours/deadline")
                .then().statusCode(400).body("errors.field", hasItem("duration"));
        given().when().get("/api/office-hours/deadline")
                .then().statusCode(400).body("errors.field", hasItem("duration"));
    }

    @Test
    void durationsAndDatesBeyondTheClocksLimitAreRefusedNamingTheFieldAndTheLimit() {
        for (String duration : List.of("PT999999999H", "P521W", "-P2601D", "P99999999999999999999W")) {
            given().queryParam("from", "2026-11-20T16:00:00-05:00").queryParam("duration", duration)
                    .when().get("/api/office-hours/deadline")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("duration"))
                    .body("errors[0].message", equalTo("must be at most 10 years of office time (P520W)"));
        }
        given().queryParam("from", "2026-11-20T16:00:00-05:00").queryParam("duration", "P520W")
                .when().get("/api/office-hours/deadline")
                .then().statusCode(200).body("deadline", startsWith("2037-04-17T16:00"));
        for (String far : List.of("9999-12-31T00:00:00Z", "+999999999-12-31T00:00:00Z", "1066-10-14T09:00:00Z")) {
            given().queryParam("from", far).queryParam("duration", "P1D").when().get("/api/office-hours/deadline")
                    .then().statusCode(400).body("errors[0].field", equalTo("from"))
                    .body("errors[0].message", equalTo("must be within 10 years of today"));
            given().queryParam("at", far).when().get("/api/office-hours")
                    .then().statusCode(400).body("errors[0].field", equalTo("at"))
                    .body("errors[0].message", equalTo("must be within 10 years of today"));
        }
    }
}

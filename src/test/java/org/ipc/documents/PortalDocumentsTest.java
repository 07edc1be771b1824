package org.ipc.documents;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipc.testing.Portal;
import org.ipc.testing.ProcessDriver;
import org.ipc.testing.SampleFiles;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/** Records up and down: recognised types, checksums, and opinions only once released. */
@QuarkusTest
class PortalDocumentsTest {

    @Inject
    ProcessDriver process;

    private String caseId;

    @BeforeEach
    void aCase() {
        caseId = Portal.submit("physician");
    }

    @AfterEach
    void realTimeAgain() {
        ClockUtil.reset();
    }

    @ParameterizedTest(name = "{0} is stored as {2}")
    @CsvSource({ "pdf, report.pdf, application/pdf", "png, scan.png, image/png", "jpeg, photo.jpg, image/jpeg",
            "dicom, ct-slice.dcm, application/dicom", "text, labs.txt, text/plain" })
    void acceptedTypesAreStoredWithTypeSizeAndChecksumAndComeBackIdentical(String sample, String name, String type)
            throws Exception {
        byte[] content = sample(sample);
        JsonPath stored = upload(Tokens.of("physician"), caseId, name, content, "application/octet-stream")
                .statusCode(201)
                .body("total", equalTo(1))
                .body("items[0].fileName", equalTo(name))
                .body("items[0].contentType", equalTo(type))
                .body("items[0].size", equalTo(content.length))
                .body("items[0].sha256", equalTo(sha256(content)))
                .body("items[0].kind", equalTo("MEDICAL_RECORD"))
                .extract().jsonPath();
        String docId = stored.getString("items[0].id");

        byte[] downloaded = given().auth().oauth2(Tokens.of("physician"))
                .when().get("/api/portal/cases/" + caseId + "/documents/" + docId)
                .then().statusCode(200)
                .header("Content-Type", org.hamcrest.Matchers.startsWith(type))
                .header("Content-Disposition", org.hamcrest.Matchers.containsString(name))
                .header("X-Content-Type-Options", "nosniff")
                .extract().asByteArray();
        assertThat(downloaded).isEqualTo(content);
    }

    @Test
    void severalFilesAtOnceAreListedInOrder() {
        given().auth().oauth2(Tokens.of("physician"))
                .multiPart("file", "a.pdf", SampleFiles.pdf(), "application/pdf")
                .multiPart("file", "b.png", SampleFiles.png(), "image/png")
                .multiPart("kind", "IMAGING_REPORT")
                .multiPart("language", "pt-BR")
                .when().post("/api/portal/cases/" + caseId + "/documents")
                .then().statusCode(201).body("items", hasSize(2)).body("items.language", equalTo(List.of("pt-BR", "pt-BR")));

        given().auth().oauth2(Tokens.of("physician"))
                .when().get("/api/portal/cases/" + caseId + "/documents")
                .then().statusCode(200)
                .body("items.fileName", equalTo(List.of("a.pdf", "b.png")))
                .body("items.kind", equalTo(List.of("IMAGING_REPORT", "IMAGING_REPORT")));
    }

    @Test
    void anUploadWhileRecordsAreRequestedSendsRecordsReceived() {
        process.complete(caseId, "IntakeReview", "coordinator", Map.of("decision", "accept",
                "recordsComplete", false, "recordsInEnglish", true));
        process.complete(caseId, "RequestRecords", "coordinator", Map.of("missingRecords", "Pathology report"));
        assertThat(process.openTaskKeys(caseId)).isEmpty();

        upload(Tokens.of("physician"), caseId, "pathology.pdf", SampleFiles.pdf(), "application/pdf").statusCode(201);
        assertThat(process.openTaskKeys(caseId)).containsExactly("CheckRecords");
    }

    @Test
    void theOpinionLetterIsHiddenFromThePhysicianUntilReleased() {
        ProcessDriver.setNewYorkTime("2026-11-23T09:00");
        String releasedLater = Portal.submit("physician");
        process.complete(releasedLater, "IntakeReview", "coordinator", Map.of("decision", "accept",
                "recordsComplete", true, "recordsInEnglish", true));
        String letter = upload(Tokens.of("specialist"), releasedLater, "opinion.pdf", SampleFiles.pdf(), "application/pdf",
                "OPINION_LETTER", "/api/cases/").statusCode(201).extract().path("items[0].id");

        given().auth().oauth2(Tokens.of("physician")).when().get("/api/portal/cases/" + releasedLater + "/documents")
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(Tokens.of("physician"))
                .when().get("/api/portal/cases/" + releasedLater + "/documents/" + letter)
                .then().statusCode(404);

        process.complete(releasedLater, "SpecialistReview", "specialist", Map.of("opinionWritten", true));
        process.complete(releasedLater, "QualityCheck", "supervisor", Map.of("release", "release"));

        given().auth().oauth2(Tokens.of("physician")).when().get("/api/portal/cases/" + releasedLater + "/documents")
                .then().statusCode(200).body("items.kind", equalTo(List.of("OPINION_LETTER")));
        given().auth().oauth2(Tokens.of("physician"))
                .when().get("/api/portal/cases/" + releasedLater + "/documents/" + letter)
                .then().statusCode(200).header("Content-Type", org.hamcrest.Matchers.startsWith("application/pdf"));
    }

    @Test
    void physiciansCannotUploadTheCentersDocuments() {
        upload(Tokens.of("physician"), caseId, "opinion.pdf", SampleFiles.pdf(), "application/pdf", "OPINION_LETTER",
                "/api/portal/cases/").statusCode(400).body("errors.field", equalTo(List.of("kind")));
    }

    @Test
    void staffSeeEveryDocument() {
        upload(Tokens.of("physician"), caseId, "labs.txt", SampleFiles.text(), "text/plain").statusCode(201);
        given().auth().oauth2(Tokens.of("coordinator")).when().get("/api/cases/" + caseId + "/documents")
                .then().statusCode(200).body("items.fileName", equalTo(List.of("labs.txt")));
    }

    static ValidatableResponse upload(String token, String caseId, String name, byte[] content, String type) {
        return upload(token, caseId, name, content, type, null, "/api/portal/cases/");
    }

    static ValidatableResponse upload(String token, String caseId, String name, byte[] content, String type,
            String kind, String base) {
        var request = given().auth().oauth2(token).multiPart("file", name, content, type);
        if (kind != null) {
            request.multiPart("kind", kind);
        }
        return request.when().post(base + caseId + "/documents").then();
    }

    static byte[] sample(String name) {
        return switch (name) {
            case "pdf" -> SampleFiles.pdf();
            case "png" -> SampleFiles.png();
            case "jpeg" -> SampleFiles.jpeg();
            case "dicom" -> SampleFiles.dicom();
            default -> SampleFiles.text();
        };
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}

package org.ipc.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import jakarta.inject.Inject;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipc.notify.MailSender;
import org.ipc.testing.CaseRequests;
import org.ipc.testing.Inbox;
import org.ipc.testing.ProcessDriver;
import org.ipc.testing.SampleFiles;
import org.ipc.testing.SmtpResource;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A whole case, with the service logging at DEBUG, errors on the way and an SMTP outage, its documents in the S3
 * store, an engine job failing for good and retried, the metrics counted: the log never carries the patient's name,
 * e-mail address or clinical summary.
 */
@QuarkusTest
class NoPatientDataInLogsTest {

    private static final String GIVEN_NAME = "Zephyrine";
    private static final String FAMILY_NAME = "Quillfeather";
    private static final String EMAIL = "zephyrine.quillfeather@example.org";
    private static final String SUMMARY = "Synthetic summary: Quillfeather syndrome of the left xiphoid, stage zeta.";

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            // GreenMail stands in for the patient's own mail server: what it logs is not the service's log
            if (record.getLoggerName() == null || !record.getLoggerName().startsWith("com.icegreen")) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Inject
    MailSender mail;

    @Inject
    ProcessDriver process;

    @Inject
    org.ipc.testing.FailingJobs failing;

    @Inject
    org.ipc.operations.OfficeMetrics metrics;

    @BeforeEach
    void captureTheLog() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
        if (SmtpResource.server() == null) {
            SmtpResource.startServer();
        }
        ClockUtil.reset();
    }

    @Test
    void aWholeCaseLeavesNoPatientDataInTheLog() {
        ProcessDriver.setNewYorkTime("2026-11-23T09:00");
        Map<String, Object> request = CaseRequests.secondOpinion();
        @SuppressWarnings("unchecked")
        Map<String, Object> patient = (Map<String, Object>) request.get("patient");
        patient.put("givenName", GIVEN_NAME);
        patient.put("familyName", FAMILY_NAME);
        patient.put("email", EMAIL);
        request.put("clinicalSummary", SUMMARY);
        String caseId = given().auth().oauth2(Tokens.of("physician")).contentType(ContentType.JSON).body(request)
                .post("/api/portal/cases").then().statusCode(201).extract().path("id");
        // a rejected submission that echoes patient data back in its body
        patient.put("birthDate", "tomorrow");
        given().auth().oauth2(Tokens.of("physician")).contentType(ContentType.JSON).body(request)
                .post("/api/portal/cases").then().statusCode(400);

        given().auth().oauth2(Tokens.of("physician")).multiPart("file", "a.pdf", SampleFiles.pdf(), "application/pdf")
                .multiPart("kind", "IMAGING_REPORT").post("/api/portal/cases/" + caseId + "/documents")
                .then().statusCode(201);
        String taskId = (String) Inbox.intakeTaskOf(caseId).get("id");
        given().auth().oauth2(Tokens.of("coordinator")).get("/api/cases/" + caseId).then().statusCode(200);
        process.complete(caseId, "IntakeReview", "coordinator", Map.of("decision", "accept",
                "recordsComplete", true, "recordsInEnglish", true));
        given().auth().oauth2(Tokens.of("coordinator")).get("/api/inbox/tasks/" + taskId).then().statusCode(404);
        process.complete(caseId, "SpecialistReview", "specialist", Map.of("opinionWritten", true));
        process.complete(caseId, "QualityCheck", "supervisor", Map.of("release", "release"));
        SmtpResource.stopServer();
        mail.drain();
        SmtpResource.startServer();
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(3600)));
        mail.drain();
        process.complete(caseId, "FollowUpCall", "coordinator", Map.of("patientReached", true,
                "callNote", "Spoke with " + GIVEN_NAME + "."));
        assertThat(process.isEnded(caseId)).isTrue();
        // the operations paths: a job failing for good, its incident listed and retried, the metrics counted
        String job = failing.failForGood(caseId);
        given().auth().oauth2(Tokens.of("admin")).get("/api/admin/incidents").then().statusCode(200);
        given().auth().oauth2(Tokens.of("admin")).post("/api/admin/incidents/" + job + "/retry").then().statusCode(202);
        failing.runNow(job);
        metrics.refresh();
        given().get("/q/metrics").then().statusCode(200);

        String log = render(records);
        assertThat(records).as("the capture works: the service did log, warnings included").isNotEmpty()
                .anyMatch(r -> r.getLoggerName().startsWith("org.ipc"))
                .anyMatch(r -> r.getLevel().intValue() >= Level.WARNING.intValue());
        assertThat(log).doesNotContainIgnoringCase(GIVEN_NAME).doesNotContainIgnoringCase(FAMILY_NAME)
                .doesNotContainIgnoringCase(EMAIL).doesNotContain("xiphoid").doesNotContain(SUMMARY);
    }

    @Test
    void thePaperworkLeavesNoPassportNumberNameOrAmountInTheLog() {
        ProcessDriver.setNewYorkTime("2026-11-23T09:00");
        String passport = "W55501234";
        Map<String, Object> request = CaseRequests.ofType("TREATMENT");
        @SuppressWarnings("unchecked")
        Map<String, Object> patient = (Map<String, Object>) request.get("patient");
        patient.put("givenName", GIVEN_NAME);
        patient.put("familyName", FAMILY_NAME);
        patient.put("email", EMAIL);
        patient.put("preferredLanguage", "zh");
        request.put("clinicalSummary", SUMMARY);
        String caseId = ProcessDriver.atCostEstimate(given().auth().oauth2(Tokens.of("physician"))
                .contentType(ContentType.JSON).body(request).post("/api/portal/cases").then().statusCode(201).extract()
                .path("id"));
        String staff = "/api/cases/" + caseId;

        Map<String, Object> estimate = Map.of("currency", "USD",
                "items", List.of(Map.of("description", "Treatment package", "amount", "48123.45")),
                "payer", Map.of("kind", "INSURER", "name", "Quillfeather Mutual", "reference", "POL-88231"),
                "deposit", Map.of("percent", 30), "plannedAdmission", "2027-01-11", "validUntil", "2026-12-31");
        given().auth().oauth2(Tokens.of("finance")).contentType(ContentType.JSON).body(estimate)
                .post(staff + "/estimates").then().statusCode(201);
        given().auth().oauth2(Tokens.of("finance")).contentType(ContentType.JSON)
                .body(Map.of("amount", "20000", "currency", "SAR", "receivedOn", "2026-11-20", "reference", "SA-1"))
                .post(staff + "/payments").then().statusCode(400);

        Map<String, Object> traveller = new java.util.HashMap<>(Map.of("nameInPassport", GIVEN_NAME + " " + FAMILY_NAME,
                "birthDate", "1968-04-02", "nationality", "BR", "passportNumber", passport + "!"));
        Map<String, Object> letter = new java.util.HashMap<>(Map.of("consulate",
                Map.of("name", "Consulate General of the United States", "city", "São Paulo"), "patient", traveller,
                "companions", List.of(Map.of("nameInPassport", "Q COMPANION", "relationship", "Son",
                        "passportNumber", "W55509876")),
                "purpose", "TREATMENT", "arrival", "2027-01-08", "departure", "2027-02-05"));
        given().auth().oauth2(Tokens.of("coordinator")).contentType(ContentType.JSON).body(letter)
                .post(staff + "/visa-letters").then().statusCode(400);
        traveller.put("passportNumber", passport);
        String code = given().auth().oauth2(Tokens.of("coordinator")).contentType(ContentType.JSON).body(letter)
                .post(staff + "/visa-letters").then().statusCode(201).extract().path("verificationCode");
        given().get("/verify/" + code).then().statusCode(200);
        given().get("/verify/" + code.replace(code.charAt(0), code.charAt(0) == 'A' ? 'B' : 'A')).then().statusCode(404);
        given().auth().oauth2(Tokens.of("coordinator")).contentType(ContentType.JSON)
                .body(Map.of("appointments", List.of(Map.of("start", "2027-01-11T09:00:00-05:00", "minutes", 60,
                        "place", "outpatient-7", "department", "cancer-center", "kind", "CONSULTATION"))))
                .put(staff + "/itinerary").then().statusCode(200);
        given().auth().oauth2(Tokens.of("coordinator")).get(staff + "/itinerary/calendar").then().statusCode(200);

        String log = render(records);
        assertThat(records).as("the capture works").anyMatch(r -> r.getLoggerName().startsWith("org.ipc"));
        assertThat(log).doesNotContain(passport).doesNotContain("W55509876").doesNotContain("55501234")
                .doesNotContainIgnoringCase(GIVEN_NAME).doesNotContainIgnoringCase(FAMILY_NAME)
                .doesNotContain("Quillfeather Mutual").doesNotContain("48123.45").doesNotContain("48,123.45")
                .doesNotContain("xiphoid").doesNotContain(code);
    }

    /** Every record as a handler would write it: message with its parameters, and any stack trace. */
    private static String render(List<LogRecord> records) {
        StringBuilder all = new StringBuilder();
        Formatter formatter = new SimpleFormatter();
        for (LogRecord r : records) {
            all.append(r.getLoggerName()).append(' ').append(formatter.formatMessage(r)).append('\n');
            if (r.getThrown() != null) {
                StringWriter trace = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(trace));
                all.append(trace).append('\n');
            }
        }
        return all.toString();
    }
}

package org.ipc.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.ipc.cases.CaseEvent;
import org.ipc.cases.CaseStatus;
import org.ipc.cases.CaseStatusChange;
import org.ipc.cases.PatientCase;
import org.ipc.notify.OutboxMail;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;

/**
 * Walks a case's process the way people and time do: tasks completed by named workers, timers fired after the
 * engine clock is moved to their due date (never by sleeping), messages sent over the API.
 */
@ApplicationScoped
public class ProcessDriver {

    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Inject
    TaskService tasks;

    @Inject
    RuntimeService runtime;

    @Inject
    ManagementService management;

    @Inject
    ReadModel readModel;


    public static void setNewYorkTime(String localDateTime) {
        ClockUtil.setCurrentTime(Date.from(newYork(localDateTime)));
    }

    public static Instant newYork(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
    }

    public String processOf(String caseId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> PatientCase.<PatientCase>findById(UUID.fromString(caseId)).processInstanceId);
    }

    /** The one open task with this BPMN id. */
    public Task task(String caseId, String taskKey) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(processOf(caseId)).taskDefinitionKey(taskKey).list();
        assertThat(open).as("open %s tasks of case %s", taskKey, caseId).hasSize(1);
        return open.get(0);
    }

    /** A task by its id, open or not found (null). */
    public Task taskById(String taskId) {
        return tasks.createTaskQuery().taskId(taskId).singleResult();
    }

    public List<String> openTaskKeys(String caseId) {
        return tasks.createTaskQuery().processInstanceId(processOf(caseId)).list().stream()
                .map(Task::getTaskDefinitionKey).sorted().toList();
    }

    /** Claims and completes the task through the inbox API, as {@code user}, with its form values. */
    public void complete(String caseId, String taskKey, String user, Map<String, Object> variables) {
        work(task(caseId, taskKey).getId(), user, variables);
        readModelMatches(caseId);
    }

    /** Claims and completes one task through the inbox API, as {@code user}. */
    public void work(String taskId, String user, Map<String, Object> variables) {
        given().auth().oauth2(Tokens.of(user)).when().post("/api/inbox/tasks/" + taskId + "/claim")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(Map.of("variables", variables))
                .when().post("/api/inbox/tasks/" + taskId + "/complete")
                .then().statusCode(200);
    }

    /**
     * Finance writes the case's estimate through the API, as the {@code CostEstimate} task asks: 48,000.00 USD in
     * three items, a deposit of 14,400.00 USD, admission on {@code plannedAdmission}; answers the response.
     */
    public static io.restassured.response.ValidatableResponse writeEstimate(String caseId, String plannedAdmission) {
        return given().auth().oauth2(Tokens.of("finance")).contentType(ContentType.JSON)
                .body(Map.of("currency", "USD",
                        "items", List.of(Map.of("description", "Consultations and tests", "amount", "4200.00"),
                                Map.of("description", "Surgeon's and anaesthetist's fees", "amount", "18500"),
                                Map.of("description", "Hospital stay, 6 nights", "amount", "25300.00")),
                        "payer", Map.of("kind", "SELF_PAY"), "deposit", Map.of("amount", "14400.00"),
                        "plannedAdmission", plannedAdmission,
                        "validUntil", LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), NEW_YORK)
                                .toLocalDate().plusDays(30).toString()))
                .when().post("/api/cases/" + caseId + "/estimates").then();
    }

    /**
     * Walks a treatment case to its {@code CostEstimate} task, as the office does before finance writes an estimate
     * (finance reaches a case only once it has a finance task): intake accepted without a visa letter, the
     * department's medical review accepted. For tests that need the money side of a case.
     */
    public static String atCostEstimate(String caseId) {
        ProcessDriver driver = io.quarkus.arc.Arc.container().instance(ProcessDriver.class).get();
        // the demo coordinator who speaks the patient's language (coordinator2 speaks Arabic)
        String language = QuarkusTransaction.requiringNew().call(() -> PatientCase
                .<PatientCase>findById(UUID.fromString(caseId)).patient.preferredLanguage);
        String coordinator = language.startsWith("ar") ? "coordinator2" : "coordinator";
        // through the inbox API as people do; the read model is compared with the engine by the process tests
        driver.work(driver.task(caseId, "IntakeReview").getId(), coordinator,
                Map.of("decision", "accept", "visaLetterNeeded", false));
        driver.work(driver.task(caseId, "MedicalReview").getId(), "specialist",
                Map.of("medicalDecision", "accept", "medicalReason", "We can treat this."));
        return caseId;
    }

    /** Writes the estimate (admission 14 December 2026) and completes the {@code CostEstimate} task as finance. */
    public void estimate(String caseId) {
        writeEstimate(caseId, "2026-12-14").statusCode(201);
        complete(caseId, "CostEstimate", "finance", Map.of());
    }

    /**
     * A coordinator issues the case's visa invitation letter (a synthetic passport, one companion) for a stay from
     * {@code arrival} to {@code departure}; answers the response, whose {@code verificationCode} is shown only here.
     */
    public static io.restassured.response.ValidatableResponse issueVisaLetter(String caseId, String arrival,
            String departure) {
        return given().auth().oauth2(Tokens.of("coordinator")).contentType(ContentType.JSON)
                .body(Map.of("consulate", Map.of("name", "Embassy of the United States of America", "city", "Riyadh"),
                        "patient", Map.of("nameInPassport", "LAYLA SAAD ALHARBI", "birthDate", "1968-04-02",
                                "nationality", "SA", "passportNumber", "X12344321"),
                        "companions", List.of(Map.of("nameInPassport", "FAHAD ALHARBI", "relationship", "Husband",
                                "passportNumber", "K98765555")),
                        "purpose", "TREATMENT", "arrival", arrival, "departure", departure))
                .when().post("/api/cases/" + caseId + "/visa-letters").then();
    }

    /** A coordinator sets the itinerary to one consultation at {@code start} (ISO-8601 with its offset). */
    public static io.restassured.response.ValidatableResponse setItinerary(String caseId, String start) {
        return given().auth().oauth2(Tokens.of("coordinator")).contentType(ContentType.JSON)
                .body(Map.of("appointments", List.of(Map.of("start", start, "minutes", 60, "place", "outpatient-7",
                        "department", "heart-center", "kind", "CONSULTATION"))))
                .when().put("/api/cases/" + caseId + "/itinerary").then();
    }

    /** Sets the itinerary (first appointment at {@code firstAppointment}) and completes BookAppointments as {@code user}. */
    public void book(String caseId, String user, String arrivalDate, String firstAppointment) {
        setItinerary(caseId, firstAppointment).statusCode(200);
        complete(caseId, "BookAppointments", user, Map.of("arrivalDate", arrivalDate));
    }

    /** Finance records a payment in US dollars with a bank reference, received today. */
    public static io.restassured.response.ValidatableResponse pay(String caseId, String amount, String reference) {
        return given().auth().oauth2(Tokens.of("finance")).contentType(ContentType.JSON)
                .body(Map.of("amount", amount, "currency", "USD", "reference", reference,
                        "receivedOn", LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), NEW_YORK)
                                .toLocalDate().toString()))
                .when().post("/api/cases/" + caseId + "/payments").then();
    }

    /** The task read model holds exactly the engine's open tasks of the case, after whatever step came last. */
    public void readModelMatches(String caseId) {
        readModel.assertMatchesEngine(processOf(caseId));
    }

    /** The referring physician uploads a record to the case through the portal, as records arrive. */
    public void physicianUploadsRecords(String caseId) {
        given().auth().oauth2(Tokens.of("physician")).multiPart("file", "records.txt", SampleFiles.text(), "text/plain")
                .when().post("/api/portal/cases/" + caseId + "/documents").then().statusCode(201);
        readModelMatches(caseId);
    }

    /** Moves the engine clock just past the timer's due date and fires it. */
    public Instant fireTimer(String caseId, String timerId) {
        Job timer = timer(caseId, timerId);
        Instant due = timer.getDuedate().toInstant();
        ClockUtil.setCurrentTime(Date.from(due.plusSeconds(60)));
        management.executeJob(timer.getId());
        readModelMatches(caseId);
        return due;
    }

    public Job timer(String caseId, String timerId) {
        List<Job> timers = management.createJobQuery().processInstanceId(processOf(caseId)).timers()
                .activityId(timerId).list();
        assertThat(timers).as("pending %s timers of case %s", timerId, caseId).hasSize(1);
        return timers.get(0);
    }

    public boolean isEnded(String caseId) {
        return runtime.createProcessInstanceQuery().processInstanceId(processOf(caseId)).count() == 0;
    }

    public long pendingJobs(String caseId) {
        return management.createJobQuery().processInstanceId(processOf(caseId)).count();
    }

    /** Whether the running process holds a variable of that name, in any of its scopes. */
    public boolean hasVariable(String caseId, String name) {
        return runtime.createVariableInstanceQuery().processInstanceIdIn(processOf(caseId)).variableName(name)
                .count() > 0;
    }

    public Object variable(String caseId, String name) {
        return runtime.getVariable(processOf(caseId), name);
    }

    public static CaseStatus status(String caseId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> PatientCase.<PatientCase>findById(UUID.fromString(caseId)).status);
    }

    public static String owner(String caseId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> PatientCase.<PatientCase>findById(UUID.fromString(caseId)).owner);
    }

    public static List<CaseStatus> statusHistory(String caseId) {
        return QuarkusTransaction.requiringNew().call(() -> CaseStatusChange.historyOf(UUID.fromString(caseId))
                .stream().map(change -> change.status).toList());
    }

    public static List<CaseEvent.Kind> events(String caseId) {
        return QuarkusTransaction.requiringNew().call(() -> CaseEvent.of(UUID.fromString(caseId)).stream()
                .map(event -> event.kind).toList());
    }

    /** The case's outbox, as "MILESTONE to recipient" in the order written. */
    public static List<String> mail(String caseId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMail.ofCase(UUID.fromString(caseId)).stream()
                .map(m -> m.milestone + " to " + m.recipientKind.name().toLowerCase()).toList());
    }
}

package org.ipc.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.ipc.notify.Milestone;
import org.ipc.notify.OutboxMail;
import org.ipc.staff.Absences;
import org.ipc.testing.Inbox;
import org.ipc.testing.Portal;
import org.ipc.testing.ProcessDriver;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The inbox as a team works it (issue 17): saved filters, personal or shared, with their counts; follow-up dates set
 * by the holder; bulk claim, assignment and give-back with one result per task; absence cover. Through the REST API,
 * on the real PostgreSQL and the real engine.
 */
@QuarkusTest
class InboxTeamworkTest {

    private static final ZoneId OFFICE = ZoneId.of("America/New_York");

    @Inject
    ProcessDriver process;

    @Inject
    Absences absences;

    private final List<String> absencesToEnd = new ArrayList<>();

    @BeforeEach
    void everyoneHasSignedInOnce() {
        // the staff directory is filled from the token at sign-in: colleagues are known by name from then on
        for (String who : List.of("coordinator", "coordinator2", "supervisor", "specialist")) {
            as(who).when().get("/api/inbox/tasks/queues").then().statusCode(200);
        }
    }

    @AfterEach
    void endTheAbsencesRecordedHere() {
        for (String id : absencesToEnd) {
            as("supervisor").when().post("/api/staff/absences/" + id + "/end");
        }
        absencesToEnd.clear();
    }

    // ---- saved filters ------------------------------------------------------------------------------------------

    @Test
    void aSharedFilterIsSeenByTheQueueWithItsCountAndOnlyItsOwnerChangesIt() {
        String caseId = Portal.submit("physician", "SECOND_OPINION", Map.of("preferredLanguage", "pt"));
        String taskId = (String) Inbox.intakeTaskOf(caseId).get("id");

        JsonPath shared = as("coordinator").contentType(ContentType.JSON)
                .body(Map.of("name", "Portuguese intake " + System.nanoTime(), "sharedWith", "coordinator:pt",
                        "queue", "coordinator:pt", "assignee", "unassigned", "sort", "priority"))
                .when().post("/api/inbox/filters").then().statusCode(201)
                .body("ownerName", equalTo("Coordinator"))
                .body("sharedWithName", equalTo("Portuguese-speaking coordinators"))
                .extract().jsonPath();
        String filterId = shared.getString("id");

        // the queue holds the other tests' Portuguese cases too: page through the filter's list to find this one
        List<String> listedIds = new ArrayList<>();
        long total = -1;
        for (int page = 0; !listedIds.contains(taskId); page++) {
            JsonPath listed = as("coordinator2").when()
                    .get("/api/inbox/tasks?size=100&page=" + page + "&filter=" + filterId).then()
                    .statusCode(200).extract().jsonPath();
            List<String> ids = listed.getList("items.id", String.class);
            assertThat(ids).as("page %d of the shared filter's list, still without the new task", page).isNotEmpty();
            assertThat(listed.getList("items.queueNames.flatten()", String.class))
                    .containsOnly("Portuguese-speaking coordinators");
            listedIds.addAll(ids);
            total = listed.getLong("total");
        }

        Map<String, Object> seen = as("coordinator2").when().get("/api/inbox/filters").then().statusCode(200)
                .extract().jsonPath().getMap("items.find { it.id == '" + filterId + "' }");
        assertThat(seen).as("a colleague of the queue sees the shared filter").isNotNull();
        assertThat(((Number) seen.get("count")).longValue()).as("its count is the list's total")
                .isEqualTo(total);
        assertThat(seen.get("mine")).isEqualTo(false);

        as("coordinator2").contentType(ContentType.JSON).body(Map.of("name", "Taken over"))
                .when().put("/api/inbox/filters/" + filterId).then().statusCode(404);
        as("coordinator2").when().delete("/api/inbox/filters/" + filterId).then().statusCode(404);
        as("specialist").when().get("/api/inbox/filters/" + filterId).then().statusCode(404);

        as("coordinator").when().delete("/api/inbox/filters/" + filterId).then().statusCode(204);
        as("coordinator2").when().get("/api/inbox/filters/" + filterId).then().statusCode(404);
    }

    @Test
    void aPersonalFilterIsItsOwnersAlone() {
        String filterId = as("coordinator").contentType(ContentType.JSON)
                .body(Map.of("name", "Mine overdue " + System.nanoTime(), "assignee", "me", "overdue", true))
                .when().post("/api/inbox/filters").then().statusCode(201)
                .body("summary", org.hamcrest.Matchers.containsString("Mine")).extract().path("id");
        as("coordinator2").when().get("/api/inbox/filters/" + filterId).then().statusCode(404);
        as("coordinator2").when().get("/api/inbox/tasks?filter=" + filterId).then().statusCode(404);
        as("coordinator").when().get("/api/inbox/tasks?filter=" + filterId).then().statusCode(200);
    }

    @Test
    void badFiltersAreRefusedNamingTheFields() {
        as("coordinator").contentType(ContentType.JSON)
                .body(Map.of("name", "", "queue", "coordinator:ar", "sharedWith", "finance", "sort", "alphabet"))
                .when().post("/api/inbox/filters").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("name", "sort"));
        as("coordinator").contentType(ContentType.JSON)
                .body(Map.of("name", "Not my queue", "queue", "coordinator:ar", "sharedWith", "finance"))
                .when().post("/api/inbox/filters").then().statusCode(400)
                .body("errors.field", hasItems("queue", "sharedWith"));
        as("coordinator").when().get("/api/inbox/tasks?filter=not-an-id").then().statusCode(400)
                .body("errors.field", hasItem("filter"));
    }

    // ---- follow-up dates ----------------------------------------------------------------------------------------

    @Test
    void theHolderSetsATaskAsideUntilAnOfficeDate() {
        String caseId = Portal.submit("physician");
        String taskId = (String) Inbox.intakeTaskOf(caseId).get("id");
        as("coordinator2").contentType(ContentType.JSON).body(Map.of("followUp", nextWeek().toString()))
                .when().post("/api/inbox/tasks/" + taskId + "/follow-up").then().statusCode(409);

        as("coordinator").when().post("/api/inbox/tasks/" + taskId + "/claim").then().statusCode(200);
        as("coordinator2").contentType(ContentType.JSON).body(Map.of("followUp", nextWeek().toString()))
                .when().post("/api/inbox/tasks/" + taskId + "/follow-up").then().statusCode(409)
                .body("detail", equalTo("This task is held by Coordinator"));
        long waitingBefore = as("coordinator").when().get("/api/inbox/tasks/queues").then().extract()
                .jsonPath().getLong("mineWaiting");

        as("coordinator").contentType(ContentType.JSON).body(Map.of("followUp", nextWeek().toString()))
                .when().post("/api/inbox/tasks/" + taskId + "/follow-up").then().statusCode(200)
                .body("waiting", equalTo(true));
        Instant followUp = Instant.parse(as("coordinator").when().get("/api/inbox/tasks/" + taskId).then()
                .statusCode(200).extract().path("task.followUp"));
        assertThat(followUp.atZone(OFFICE).toLocalDate()).as("the office's first opening of that day")
                .isEqualTo(nextWeek());
        assertThat(process.task(caseId, "IntakeReview").getFollowUpDate().toInstant())
                .as("the engine holds the same date").isEqualTo(followUp);

        assertThat(ids("coordinator", "assignee=me&caseId=" + caseId)).as("out of the default view").isEmpty();
        assertThat(ids("coordinator", "followUp=waiting&caseId=" + caseId)).containsExactly(taskId);
        assertThat(as("coordinator").when().get("/api/inbox/tasks/queues").then().extract().jsonPath()
                .getLong("mineWaiting")).isEqualTo(waitingBefore + 1);

        as("coordinator").contentType(ContentType.JSON).body(new HashMap<>(Map.of()))
                .when().post("/api/inbox/tasks/" + taskId + "/follow-up").then().statusCode(200)
                .body("waiting", equalTo(false));
        assertThat(ids("coordinator", "assignee=me&caseId=" + caseId)).as("back in the default view")
                .containsExactly(taskId);
    }

    @Test
    void aFollowUpDateInThePastOrNotADateIsRefusedNamingTheField() {
        String taskId = (String) Inbox.intakeTaskOf(Portal.submit("physician")).get("id");
        as("coordinator").when().post("/api/inbox/tasks/" + taskId + "/claim").then().statusCode(200);
        for (String bad : List.of("2020-01-06", "next tuesday", "2026-13-40")) {
            as("coordinator").contentType(ContentType.JSON).body(Map.of("followUp", bad))
                    .when().post("/api/inbox/tasks/" + taskId + "/follow-up").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("followUp"));
        }
    }

    // ---- bulk work ----------------------------------------------------------------------------------------------

    @Test
    void bulkClaimAnswersForEachTaskAndAuditsWhatItDid() {
        String free = (String) Inbox.intakeTaskOf(Portal.submit("physician")).get("id");
        String taken = (String) Inbox.intakeTaskOf(Portal.submit("physician")).get("id");
        String arabic = process.task(Portal.submit("physician", "SECOND_OPINION",
                Map.of("preferredLanguage", "ar")), "IntakeReview").getId();
        as("coordinator2").when().post("/api/inbox/tasks/" + taken + "/claim").then().statusCode(200);

        JsonPath answer = as("coordinator").contentType(ContentType.JSON)
                .body(Map.of("action", "claim", "taskIds", List.of(free, taken, arabic, "no-such-task")))
                .when().post("/api/inbox/tasks/bulk").then().statusCode(200)
                .body("done", equalTo(1)).body("notDone", equalTo(3)).extract().jsonPath();
        assertThat(answer.getList("results.outcome", String.class))
                .containsExactly("DONE", "HELD_BY_SOMEONE_ELSE", "NOT_YOURS", "GONE");
        assertThat(answer.getString("results[1].message")).isEqualTo("Held by Coordinator2");
        assertThat(answer.getString("results[0].task.assigneeName")).isEqualTo("Coordinator");
        assertThat(answer.getString("results[2].task")).as("nothing shown of a task outside one's queues").isNull();

        String caseOfFree = answer.getString("results[0].task.caseId");
        List<String> audited = as("admin").queryParam("caseId", caseOfFree).queryParam("user", "coordinator")
                .when().get("/api/audit").then().statusCode(200).extract().jsonPath().getList("items.action");
        assertThat(audited).contains("TASK_CLAIMED");
    }

    @Test
    void bulkAssignGoesToANamedColleagueWhoWorksTheQueueAndGiveBackReturnsTasks() {
        String firstCase = Portal.submit("physician");
        String first = (String) Inbox.intakeTaskOf(firstCase).get("id");
        String second = (String) Inbox.intakeTaskOf(Portal.submit("physician")).get("id");
        String spanish = (String) Inbox.intakeTaskOf(Portal.submit("physician", "SECOND_OPINION",
                Map.of("preferredLanguage", "es"))).get("id");

        JsonPath assigned = as("coordinator").contentType(ContentType.JSON)
                .body(Map.of("action", "assign", "assignee", "coordinator2", "taskIds", List.of(first, second, spanish)))
                .when().post("/api/inbox/tasks/bulk").then().statusCode(200).extract().jsonPath();
        assertThat(assigned.getList("results.outcome", String.class))
                .containsExactly("DONE", "DONE", "COLLEAGUE_CANNOT_WORK_IT");
        assertThat(assigned.getString("results[2].message"))
                .isEqualTo("Coordinator2 does not work Spanish-speaking coordinators");
        assertThat(assigned.getList("results[0..1].task.assigneeName", String.class))
                .containsOnly("Coordinator2");
        assertThat(process.task(firstCase, "IntakeReview").getAssignee())
                .isEqualTo("coordinator2");

        as("coordinator").contentType(ContentType.JSON)
                .body(Map.of("action", "unclaim", "taskIds", List.of(first)))
                .when().post("/api/inbox/tasks/bulk").then().statusCode(200)
                .body("results[0].outcome", equalTo("HELD_BY_SOMEONE_ELSE"));
        as("coordinator2").contentType(ContentType.JSON)
                .body(Map.of("action", "unclaim", "taskIds", List.of(first, second)))
                .when().post("/api/inbox/tasks/bulk").then().statusCode(200).body("done", equalTo(2));
        as("coordinator").when().get("/api/inbox/tasks/" + first).then().statusCode(200)
                .body("task.assignee", equalTo(null));
    }

    @Test
    void badBulkRequestsNameTheField() {
        as("coordinator").contentType(ContentType.JSON).body(Map.of("action", "steal", "taskIds", List.of("x")))
                .when().post("/api/inbox/tasks/bulk").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("action"));
        as("coordinator").contentType(ContentType.JSON).body(Map.of("action", "claim", "taskIds", List.of()))
                .when().post("/api/inbox/tasks/bulk").then().statusCode(400).body("errors.field", hasItem("taskIds"));
        as("coordinator").contentType(ContentType.JSON).body(Map.of("action", "assign", "taskIds", List.of("x")))
                .when().post("/api/inbox/tasks/bulk").then().statusCode(400).body("errors.field", hasItem("assignee"));
        as("coordinator").contentType(ContentType.JSON)
                .body(Map.of("action", "assign", "assignee", "nobody-we-know", "taskIds", List.of("x")))
                .when().post("/api/inbox/tasks/bulk").then().statusCode(400).body("errors.field", hasItem("assignee"));
    }

    // ---- absence cover ------------------------------------------------------------------------------------------

    @Test
    void whileTheOwnerIsAwayTheirNewTasksGoToTheSubstituteAndTheCaseKeepsItsOwner() {
        String caseId = Portal.submit("physician");
        String heldCase = Portal.submit("physician");
        String held = (String) Inbox.intakeTaskOf(heldCase).get("id");
        as("coordinator2").when().post("/api/inbox/tasks/" + held + "/claim").then().statusCode(200);

        LocalDate today = LocalDate.now(OFFICE);
        JsonPath recorded = as("coordinator2").contentType(ContentType.JSON)
                .body(Map.of("firstDay", today.toString(), "lastDay", today.plusDays(3).toString(),
                        "substitute", "coordinator", "handOverHeldTasks", true))
                .when().post("/api/staff/absences").then().statusCode(201)
                .body("absence.staffName", equalTo("Coordinator2"))
                .body("absence.substituteName", equalTo("Coordinator"))
                .body("absence.current", equalTo(true)).extract().jsonPath();
        String absenceId = recorded.getString("absence.id");
        absencesToEnd.add(absenceId);
        assertThat(recorded.getList("handedOver.results.findAll { it.taskId == '" + held + "' }.outcome",
                String.class)).containsExactly("DONE");
        assertThat(process.task(heldCase, "IntakeReview").getAssignee())
                .as("held tasks handed over in the same step").isEqualTo("coordinator");

        // coordinator2 completes the intake while away (the last thing before leaving): the case becomes theirs,
        // and the task that follows goes to whoever covers
        process.complete(caseId, "IntakeReview", "coordinator2", Map.of("decision", "accept",
                "recordsComplete", false, "recordsInEnglish", true));
        assertThat(ProcessDriver.owner(caseId)).isEqualTo("coordinator2");
        assertThat(process.task(caseId, "RequestRecords").getAssignee()).isEqualTo("coordinator");
        as("coordinator").when().get("/api/cases/" + caseId).then().statusCode(200)
                .body("owner", equalTo("coordinator2"))
                .body("labels.ownerName", equalTo("Coordinator2"))
                .body("coveredBy.subject", equalTo("coordinator"))
                .body("coveredBy.name", equalTo("Coordinator"));

        Instant ends = Instant.parse(recorded.getString("absence.endsAt"));
        assertThat(ends).isEqualTo(today.plusDays(4).atStartOfDay(OFFICE).toInstant());
        assertThat(absences.coverFor("coordinator2", ends.minusSeconds(1))).contains("coordinator");
        assertThat(absences.coverFor("coordinator2", ends)).as("over by itself after the last day").isEmpty();

        List<String> audited = as("admin").queryParam("user", "coordinator2").when().get("/api/audit")
                .then().statusCode(200).extract().jsonPath().getList("items.action");
        assertThat(audited).contains("ABSENCE_RECORDED");

        as("coordinator2").when().post("/api/staff/absences/" + absenceId + "/end").then().statusCode(200)
                .body("current", equalTo(false));
        absencesToEnd.remove(absenceId);
        as("coordinator").when().get("/api/cases/" + caseId).then().statusCode(200)
                .body("coveredBy", equalTo(null));
    }

    @Test
    void onlyASupervisorRecordsSomeoneElsesAbsenceAndBadAbsencesNameTheirFields() {
        LocalDate today = LocalDate.now(OFFICE);
        as("coordinator").contentType(ContentType.JSON)
                .body(Map.of("staff", "coordinator2", "firstDay", today.toString(), "lastDay", today.toString(),
                        "substitute", "coordinator"))
                .when().post("/api/staff/absences").then().statusCode(403);
        as("supervisor").contentType(ContentType.JSON)
                .body(Map.of("staff", "coordinator2", "firstDay", today.toString(),
                        "lastDay", today.minusDays(2).toString(), "substitute", "specialist"))
                .when().post("/api/staff/absences").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("lastDay", "substitute"));
        as("supervisor").contentType(ContentType.JSON)
                .body(Map.of("staff", "coordinator2", "firstDay", today.toString(), "lastDay", today.toString(),
                        "substitute", "coordinator2"))
                .when().post("/api/staff/absences").then().statusCode(400)
                .body("errors.field", hasItem("substitute"));
        String id = as("supervisor").contentType(ContentType.JSON)
                .body(Map.of("staff", "coordinator2", "firstDay", today.plusDays(7).toString(),
                        "lastDay", today.plusDays(8).toString(), "substitute", "coordinator"))
                .when().post("/api/staff/absences").then().statusCode(201)
                .body("absence.recordedByName", equalTo("Supervisor")).body("absence.current", equalTo(false))
                .extract().path("absence.id");
        absencesToEnd.add(id);
        assertThat(as("coordinator").when().get("/api/staff/absences").then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class)).contains(id);
    }

    // ---- live counts ----------------------------------------------------------------------------------------------

    @Test
    void theCountsAndTheirStampFollowEveryChangeOfTheCallersTasks() {
        JsonPath before = as("coordinator2").when().get("/api/inbox/tasks/queues").then().statusCode(200)
                .extract().jsonPath();
        String caseId = Portal.submit("physician", "SECOND_OPINION", Map.of("preferredLanguage", "ar"));
        JsonPath after = as("coordinator2").when().get("/api/inbox/tasks/queues").then().statusCode(200)
                .extract().jsonPath();
        assertThat(after.getString("stamp")).as("a new task in one of the caller's queues changes the stamp")
                .isNotEqualTo(before.getString("stamp"));
        String arabic = "queues.find { it.group == 'coordinator:ar' }";
        assertThat(after.getLong(arabic + ".unassigned")).isEqualTo(before.getLong(arabic + ".unassigned") + 1);
        assertThat(after.getString(arabic + ".name")).isEqualTo("Arabic-speaking coordinators");
        assertThat(after.getLong(arabic + ".unassigned")).as("the counter rows agree with the list's exact total")
                .isEqualTo(as("coordinator2").when().get("/api/inbox/tasks?assignee=unassigned&queue=coordinator:ar")
                        .then().statusCode(200).extract().jsonPath().getLong("total"));

        String taskId = process.task(caseId, "IntakeReview").getId();
        as("coordinator2").when().post("/api/inbox/tasks/" + taskId + "/claim").then().statusCode(200);
        JsonPath claimed = as("coordinator2").when().get("/api/inbox/tasks/queues").then().statusCode(200)
                .extract().jsonPath();
        assertThat(claimed.getString("stamp")).isNotEqualTo(after.getString("stamp"));
        assertThat(claimed.getLong(arabic + ".unassigned")).isEqualTo(after.getLong(arabic + ".unassigned") - 1);
        assertThat(claimed.getLong("mine")).isEqualTo(after.getLong("mine") + 1);
        assertThat(as("coordinator2").when().get("/api/inbox/tasks/queues").then().extract().jsonPath()
                .getString("stamp")).as("nothing changed: the same stamp").isEqualTo(claimed.getString("stamp"));
    }

    // ---- notices to staff -----------------------------------------------------------------------------------------

    @Test
    void whoChoseItIsToldByMailOfATaskGivenThemWithTheReferenceAndTheStepOnly() {
        String caseId = Portal.submit("physician");
        String taskId = (String) Inbox.intakeTaskOf(caseId).get("id");
        try {
            as("coordinator2").contentType(ContentType.JSON).body(Map.of("taskAssigned", true, "physicianMessage", false))
                    .when().put("/api/staff/me/notices").then().statusCode(200).body("taskAssigned", equalTo(true));
            as("coordinator").contentType(ContentType.JSON)
                    .body(Map.of("action", "assign", "assignee", "coordinator2", "taskIds", List.of(taskId)))
                    .when().post("/api/inbox/tasks/bulk").then().statusCode(200).body("done", equalTo(1));
        } finally {
            as("coordinator2").contentType(ContentType.JSON).body(Map.of("taskAssigned", false, "physicianMessage", false))
                    .when().put("/api/staff/me/notices").then().statusCode(200);
        }
        assertThat(ProcessDriver.mail(caseId)).contains("TASK_ASSIGNED to staff");
        OutboxMail notice = staffMail(caseId, Milestone.TASK_ASSIGNED);
        String reference = Portal.referenceOf(caseId);
        assertThat(notice.recipient).isEqualTo("coordinator2@example.com");
        assertThat(notice.subject).contains(reference).contains("Intake review");
        assertThat(notice.bodyText).contains(reference).contains("/inbox/tasks/" + taskId)
                .doesNotContain("Ana").doesNotContain("Souza");

        // taking a task oneself tells nobody
        String other = (String) Inbox.intakeTaskOf(Portal.submit("physician")).get("id");
        as("coordinator2").when().post("/api/inbox/tasks/" + other + "/claim").then().statusCode(200);
    }

    @Test
    void theOwnerWhoChoseItIsToldWhenThePhysicianWrites() {
        String caseId = Portal.submit("physician");
        process.complete(caseId, "IntakeReview", "coordinator", Map.of("decision", "accept",
                "recordsComplete", false, "recordsInEnglish", true));
        try {
            as("coordinator").contentType(ContentType.JSON).body(Map.of("taskAssigned", false, "physicianMessage", true))
                    .when().put("/api/staff/me/notices").then().statusCode(200);
            given().auth().oauth2(Tokens.of("physician")).contentType(ContentType.JSON)
                    .body(Map.of("body", "The scans are on their way."))
                    .when().post("/api/portal/cases/" + caseId + "/messages").then().statusCode(201);
        } finally {
            as("coordinator").contentType(ContentType.JSON).body(Map.of("taskAssigned", false, "physicianMessage", false))
                    .when().put("/api/staff/me/notices").then().statusCode(200);
        }
        OutboxMail notice = staffMail(caseId, Milestone.PHYSICIAN_MESSAGE);
        assertThat(notice.recipient).isEqualTo("coordinator@example.com");
        assertThat(notice.bodyText).contains(Portal.referenceOf(caseId)).doesNotContain("scans");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static OutboxMail staffMail(String caseId, Milestone notice) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMail.ofCase(java.util.UUID.fromString(caseId))
                .stream().filter(m -> m.milestone == notice).findFirst()
                .orElseThrow(() -> new AssertionError("no " + notice + " notice for " + caseId)));
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }

    private static List<String> ids(String user, String query) {
        return as(user).when().get("/api/inbox/tasks?size=100&" + query).then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class);
    }

    /** An office day a week ahead (a weekday: the follow-up date is that day's first opening). */
    private static LocalDate nextWeek() {
        LocalDate d = LocalDate.now(OFFICE).plusDays(7);
        while (d.getDayOfWeek().getValue() >= 6) {
            d = d.plusDays(1);
        }
        return d;
    }
}

package org.ipc.notify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipc.cases.CaseSnapshot;
import org.ipc.cases.PatientCase;
import org.ipc.testing.Mailbox;
import org.ipc.testing.Mailbox.Received;
import org.ipc.testing.Portal;
import org.ipc.testing.ProcessDriver;
import org.ipc.testing.SmtpResource;
import org.ipc.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The outbox against a real SMTP server that goes away and comes back: nothing lost, nothing twice, failures
 * visible on the case.
 */
@QuarkusTest
class MailDeliveryTest {

    @Inject
    MailSender sender;

    @Inject
    MailOutbox outbox;

    @Inject
    MailConfig config;

    private String address;
    private String caseId;

    @BeforeEach
    void aNewCaseOnAMondayMorning() {
        ProcessDriver.setNewYorkTime("2026-11-23T10:00");
        sender.drain(); // what earlier tests left, so each test sees its own mail
        address = "patient-" + UUID.randomUUID() + "@example.org";
        caseId = Portal.submit("physician", "SECOND_OPINION", Map.of("email", address));
    }

    @AfterEach
    void smtpUpAndRealTimeAgain() {
        if (SmtpResource.server() == null) {
            SmtpResource.startServer();
        }
        ClockUtil.reset();
    }

    @Test
    void whileSmtpIsDownMailWaitsAndOnceItIsUpEveryMailArrivesOnce() {
        SmtpResource.stopServer();
        MailSender.Drained down = sender.drain();
        assertThat(down.sent()).isZero();
        assertThat(down.retrying()).isPositive();
        OutboxMail waiting = patientMail();
        assertThat(waiting.status).isEqualTo(OutboxMail.Status.PENDING);
        assertThat(waiting.attempts).isEqualTo(1);
        assertThat(waiting.lastError).isNotBlank();
        assertThat(waiting.nextAttemptAt).as("the first back-off").isEqualTo(now().plus(config.backoff()));

        SmtpResource.startServer();
        sender.drain();
        assertThat(Mailbox.to(address)).as("not before its back-off has passed").isEmpty();

        advance(config.backoff().plusSeconds(1));
        sender.drain();
        sender.drain();
        List<Received> received = Mailbox.to(address);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).subject()).contains(Portal.referenceOf(caseId));
        assertThat(patientMail().status).isEqualTo(OutboxMail.Status.SENT);
        assertThat(patientMail().attempts).isEqualTo(2);
    }

    @Test
    void theBackOffDoublesUpToItsCap() {
        assertThat(sender.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(sender.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(sender.backoff(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(sender.backoff(7)).isEqualTo(Duration.ofHours(1));
        assertThat(sender.backoff(60)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aMailThatNeverGoesThroughIsMarkedFailedAndShownOnTheCase() {
        SmtpResource.stopServer();
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            sender.drain();
            advance(config.maxBackoff().plusSeconds(1));
        }
        OutboxMail failed = patientMail();
        assertThat(failed.status).isEqualTo(OutboxMail.Status.FAILED);
        assertThat(failed.attempts).isEqualTo(config.maxAttempts());

        SmtpResource.startServer();
        sender.drain();
        assertThat(Mailbox.to(address)).as("a failed mail is not retried by itself").isEmpty();
        given().auth().oauth2(Tokens.of("coordinator")).when().get("/api/cases/" + caseId)
                .then().statusCode(200)
                .body("mail.find { it.recipientKind == 'PATIENT' }.status", equalTo("FAILED"))
                .body("mail.find { it.recipientKind == 'PATIENT' }.attempts", equalTo(config.maxAttempts()))
                .body("mail.recipient", hasItem(address));
    }

    @Test
    void anAddressThatIsNotOneFailsAtOnce() {
        QuarkusTransaction.requiringNew().run(() -> OutboxMail.update("recipient = 'no address here' where "
                + "caseId = ?1 and recipientKind = ?2", UUID.fromString(caseId), Milestone.Recipient.PATIENT));
        MailSender.Drained drained = sender.drain();
        assertThat(drained.failed()).isEqualTo(1);
        OutboxMail failed = patientMail();
        assertThat(failed.status).isEqualTo(OutboxMail.Status.FAILED);
        assertThat(failed.attempts).isEqualTo(1);
        assertThat(failed.lastError).isNotBlank();
    }

    @Test
    void aCrashBetweenSendingAndMarkingSendsTheSameMessageAgainAfterTheLease() {
        UUID claim = UUID.randomUUID();
        List<OutboxMail> claimed = sender.claim(claim, 100);
        assertThat(claimed).extracting(m -> m.recipient).contains(address);
        claimed.forEach(sender::send); // the server has them; the process dies before marking them sent

        sender.drain();
        assertThat(Mailbox.to(address)).as("another sender leaves a claimed mail alone during its lease")
                .hasSize(1);

        advance(config.lease().plusSeconds(1));
        sender.drain();
        List<Received> copies = Mailbox.to(address);
        assertThat(copies).as("at least once: the lapsed claim is sent again").hasSize(2);
        assertThat(copies.get(1).messageId()).as("with the same Message-ID, so the receiver can drop the copy")
                .isEqualTo(copies.get(0).messageId());
        assertThat(patientMail().status).isEqualTo(OutboxMail.Status.SENT);
        sender.drain();
        assertThat(Mailbox.to(address)).hasSize(2);
    }

    @Test
    void twoSendersDrainingAtOnceSendEveryMailExactlyOnce() throws Exception {
        List<String> addresses = new ArrayList<>(List.of(address));
        for (int i = 0; i < 8; i++) {
            String another = "patient-" + UUID.randomUUID() + "@example.org";
            String id = Portal.submit("physician", "TREATMENT", Map.of("email", another));
            QuarkusTransaction.requiringNew().run(() -> {
                PatientCase c = PatientCase.findById(UUID.fromString(id));
                EnumSet.range(Milestone.RECORDS_REQUESTED, Milestone.FOLLOW_UP).forEach(m -> outbox.enqueue(CaseSnapshot.of(c), m, 1));
            });
            addresses.add(another);
        }
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<MailSender.Drained> one = CompletableFuture.supplyAsync(() -> sender.drain(3), instances);
            CompletableFuture<MailSender.Drained> two = CompletableFuture.supplyAsync(() -> sender.drain(3), instances);
            int sent = one.get().sent() + two.get().sent();
            List<Received> received = addresses.stream().flatMap(a -> Mailbox.to(a).stream()).toList();
            assertThat(sent).isGreaterThanOrEqualTo(received.size());
            Map<String, Long> copies = received.stream()
                    .collect(Collectors.groupingBy(Received::messageId, Collectors.counting()));
            assertThat(copies.values()).as("no Message-ID twice").allMatch(n -> n == 1);
            assertThat(received).hasSize(1 + 8 * 10);
        } finally {
            instances.shutdown();
        }
    }

    @Test
    void withoutConsentThePatientGetsNoMailButThePhysicianStillDoes() {
        String id = Portal.submit("physician", "SECOND_OPINION", Map.of("emailConsent", false));
        assertThat(ProcessDriver.mail(id)).containsExactly("RECEIVED to physician");
    }

    @Test
    void aMilestoneIsQueuedOncePerRecipientWhetherToldTwiceInOneTransactionOrAgainInTheNext() {
        UUID id = UUID.fromString(caseId);
        QuarkusTransaction.requiringNew().run(() -> {
            PatientCase c = PatientCase.findById(id);
            outbox.enqueue(CaseSnapshot.of(c), Milestone.WITHDRAWN, 1);
            outbox.enqueue(CaseSnapshot.of(c), Milestone.WITHDRAWN, 1);
            outbox.enqueue(CaseSnapshot.of(c), Milestone.DECLINED, 1); // the ways a case ends share one key: only the first is told
        });
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(CaseSnapshot.of(PatientCase.findById(id)), Milestone.CLOSED, 1));
        assertThat(ProcessDriver.mail(caseId)).containsExactlyInAnyOrder("RECEIVED to patient",
                "RECEIVED to physician", "WITHDRAWN to patient", "WITHDRAWN to physician");
    }

    private OutboxMail patientMail() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMail.<OutboxMail>find(
                "caseId = ?1 and recipientKind = ?2", UUID.fromString(caseId), Milestone.Recipient.PATIENT)
                .singleResult());
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    private static void advance(Duration by) {
        ClockUtil.setCurrentTime(Date.from(now().plus(by)));
    }
}

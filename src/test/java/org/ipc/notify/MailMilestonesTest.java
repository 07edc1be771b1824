package org.ipc.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.ipc.cases.Acknowledgements;
import org.ipc.cases.CaseSnapshot;
import org.ipc.cases.PatientCase;
import org.ipc.notify.Milestone.Recipient;
import org.ipc.testing.Mailbox;
import org.ipc.testing.Mailbox.Received;
import org.ipc.testing.Portal;
import org.ipc.testing.ProcessDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every milestone's mail, in each patient language, through the outbox into a real SMTP server: the right language
 * and subject, Arabic right to left, times in the patient's zone, and never a clinical detail.
 */
@QuarkusTest
class MailMilestonesTest {

    private static final String SUMMARY = "Synthetic summary: suspected lesion, imaging attached later.";
    private static final Instant FIRST_APPOINTMENT = ProcessDriver.newYork("2026-12-14T09:00");
    private static final Set<Milestone> ENDS = EnumSet.of(Milestone.WITHDRAWN, Milestone.DECLINED,
            Milestone.CLOSED_INCOMPLETE, Milestone.CLOSED_NO_DEPOSIT, Milestone.CLOSED);

    @Inject
    MailOutbox outbox;

    @Inject
    MailSender sender;

    @AfterEach
    void realTimeAgain() {
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "en-GB, US, America/Chicago, en, We have received your request",
            "es-MX, MX, America/Mexico_City, es, Hemos recibido su solicitud",
            "zh-Hans-CN, CN, Asia/Shanghai, zh, 我们已收到您的申请",
            "ar-SA, SA, Asia/Riyadh, ar, لقد تلقينا طلبك" })
    void everyMilestoneReachesThePatientInTheirLanguage(String preferred, String country, String zoneId,
            String language, String receivedSubject) {
        ProcessDriver.setNewYorkTime("2026-11-23T10:00");
        ZoneId zone = ZoneId.of(zoneId);
        MailTexts texts = MessageBundles.get(MailTexts.class, Localized.Literal.of(language));
        List<String> expectedSubjects = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        // One case for the milestones along the way, and one for each way a case can end (a case ends once)
        List<Set<Milestone>> cases = new ArrayList<>();
        cases.add(EnumSet.complementOf(EnumSet.copyOf(ENDS)));
        ENDS.forEach(end -> cases.add(EnumSet.of(Milestone.RECEIVED, end)));
        for (Set<Milestone> milestones : cases) {
            String address = "patient-" + UUID.randomUUID() + "@example.org";
            String caseId = Portal.submit("physician", "TREATMENT",
                    Map.of("preferredLanguage", preferred, "countryOfResidence", country, "timeZone", zoneId,
                            "email", address));
            QuarkusTransaction.requiringNew().run(() -> {
                PatientCase c = PatientCase.findById(UUID.fromString(caseId));
                c.arrivalDate = LocalDate.parse("2026-12-13");
                c.firstAppointmentAt = FIRST_APPOINTMENT;
                milestones.forEach(m -> outbox.enqueue(CaseSnapshot.of(c), m, 1));
            });
            addresses.add(address);
            String reference = Portal.referenceOf(caseId);
            milestones.stream().filter(m -> m.recipients().contains(Recipient.PATIENT))
                    .forEach(m -> expectedSubjects.add(MailRenderer.patientSubject(texts, m, reference)));
        }
        sender.drain();

        List<Received> received = addresses.stream().flatMap(a -> Mailbox.to(a).stream()).toList();
        assertThat(received.stream().map(Received::subject)).as("every milestone once, in the patient's language")
                .containsExactlyInAnyOrderElementsOf(expectedSubjects);
        assertThat(expectedSubjects).as("case received, as a speaker of the language writes it")
                .anySatisfy(subject -> assertThat(subject).startsWith(receivedSubject));
        for (Received mail : received) {
            assertThat(mail.html()).contains("lang=\"" + language + "\"")
                    .contains(language.equals("ar") ? "dir=\"rtl\"" : "dir=\"ltr\"");
            assertThat(mail.text()).isNotBlank();
            assertThat(mail.everything()).as("no clinical details in any mail")
                    .doesNotContain(SUMMARY).doesNotContain("suspected").doesNotContain("lesion")
                    .doesNotContain("cancer").doesNotContain("1968-04-02");
            assertThat(mail.text()).as("the contact block, with office hours in the patient's zone")
                    .contains("+1 617 555 0100").contains("08:00–17:00").contains(zoneId)
                    .contains(texts.privacyNote());
            assertThat(mail.messageId()).endsWith("@hospital.example>");
        }
        Received visit = received.stream().filter(m -> m.subject().equals(
                MailRenderer.patientSubject(texts, Milestone.VISIT_SCHEDULED, referenceIn(m.subject()))))
                .findFirst().orElseThrow();
        assertThat(visit.text()).as("the first appointment, in the patient's own time")
                .contains(Acknowledgements.readable(FIRST_APPOINTMENT.atZone(zone), language));
        visit.saveAs(Path.of("target", "mail-samples"), language + "-visit-scheduled");
        received.stream().filter(m -> m.subject().startsWith(receivedSubject)).findFirst().orElseThrow()
                .saveAs(Path.of("target", "mail-samples"), language + "-case-received");
    }

    private static String referenceIn(String subject) {
        int at = subject.indexOf("IPC-");
        return subject.substring(at, at + "IPC-2026-000000".length());
    }
}

package org.ipc.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ipc.common.PlainText;
import org.ipc.cases.Acknowledgements;
import org.ipc.cases.CaseSnapshot;
import org.ipc.patients.PatientLanguage;
import org.ipc.notify.Milestone.Recipient;
import org.ipc.officehours.BusinessClock;
import org.ipc.officehours.OfficeHoursConfig;
import org.ipc.patients.PatientLanguage;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * Writes a milestone's mail for one recipient: subject, plain text and HTML, in the patient's language (Arabic
 * right to left) with times in the patient's zone; physicians in English. Templates in {@code templates/mail/}, words
 * in {@link MailTexts}.
 */
@ApplicationScoped
public class MailRenderer {

    /** What the templates show. */
    public record Mail(String language, String direction, String start, String subject, String referenceLine,
            String greeting, List<String> paragraphs, String portalLine, Contact contact, String privacyNote) {
    }

    public record Contact(String heading, String name, String address, String officeHours, String phone,
            String email) {
    }

    public record Rendered(String language, String subject, String text, String html) {
    }

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    @Location("mail/message.html")
    Template html;

    @Location("mail/message.txt")
    Template text;

    @Inject
    MailConfig config;

    @Inject
    OfficeHoursConfig officeHours;

    @Inject
    BusinessClock office;

    @Inject
    Acknowledgements acknowledgements;

    public Rendered render(CaseSnapshot c, Milestone milestone, Recipient recipient) {
        return render(c, milestone, recipient, List.of());
    }

    /** The mail with {@code details}: paragraphs after the milestone's own, in the recipient's language. */
    public Rendered render(CaseSnapshot c, Milestone milestone, Recipient recipient, List<String> details) {
        boolean patient = recipient == Recipient.PATIENT;
        String language = patient ? PatientLanguage.of(c.patient().preferredLanguage()) : PatientLanguage.FALLBACK;
        ZoneId zone = patient ? ZoneId.of(c.patient().timeZone()) : office.zone();
        MailTexts t = MessageBundles.get(MailTexts.class, Localized.Literal.of(language));
        String subject;
        String body;
        if (patient) {
            subject = patientSubject(t, milestone, c.reference());
            body = patientBody(t, milestone, c, language, zone);
        } else {
            subject = physicianSubject(t, milestone, c.reference());
            body = physicianBody(t, milestone, c.reference());
        }
        // one line, whatever a row written before the rule or a token's claim holds: the name opens the mail
        String name = PlainText.oneLine(patient ? c.patient().displayName()
                : (c.physician().displayName() == null ? c.physician().email() : c.physician().displayName()));
        boolean rtl = PatientLanguage.isRightToLeft(language);
        Mail mail = new Mail(language, rtl ? "rtl" : "ltr", rtl ? "right" : "left", subject,
                t.referenceLine(c.reference()), t.greeting(name),
                java.util.stream.Stream.concat(java.util.stream.Stream.of(body), details.stream()).toList(),
                patient ? null : t.portalLine(config.contact().portalUrl()), contact(t, zone), t.privacyNote());
        return new Rendered(language, subject, text.data("mail", mail).render(), html.data("mail", mail).render());
    }

    private Contact contact(MailTexts t, ZoneId zone) {
        // The hours of the next office day, so the reader's conversion is right across daylight-saving changes
        ZonedDateTime day = office.nextOpening(office.now()).atZone(office.zone());
        ZonedDateTime opens = day.with(officeHours.opens());
        ZonedDateTime closes = day.with(officeHours.closes());
        MailConfig.Contact contact = config.contact();
        return new Contact(t.contactHeading(), contact.name(), contact.address(),
                t.officeHours(HOURS.format(opens), HOURS.format(closes), city(office.zone()),
                        HOURS.format(opens.withZoneSameInstant(zone)), HOURS.format(closes.withZoneSameInstant(zone)),
                        zone.getId()),
                t.phoneLine(contact.phone()), t.emailLine(contact.email()));
    }

    private static String city(ZoneId zone) {
        String id = zone.getId();
        return id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
    }

    static String patientSubject(MailTexts t, Milestone m, String reference) {
        return switch (m) {
            case RECEIVED -> t.receivedSubject(reference);
            case RECORDS_REQUESTED -> t.recordsRequestedSubject(reference);
            case RECORDS_REMINDER -> t.recordsReminderSubject(reference);
            case OPINION_RELEASED -> t.opinionReleasedSubject(reference);
            case ESTIMATE_READY -> t.estimateReadySubject(reference);
            case DEPOSIT_REMINDER -> t.depositReminderSubject(reference);
            case DEPOSIT_RECEIVED -> t.depositReceivedSubject(reference);
            case VISIT_SCHEDULED -> t.visitScheduledSubject(reference);
            case PRE_ARRIVAL_REMINDER -> t.preArrivalSubject(reference);
            case FOLLOW_UP -> t.followUpSubject(reference);
            case ITINERARY -> t.itinerarySubject(reference);
            case ITINERARY_REVISED -> t.itineraryRevisedSubject(reference);
            case WITHDRAWN -> t.withdrawnSubject(reference);
            case DECLINED -> t.declinedSubject(reference);
            case CLOSED_INCOMPLETE -> t.closedIncompleteSubject(reference);
            case CLOSED_NO_DEPOSIT -> t.closedNoDepositSubject(reference);
            case CLOSED -> t.closedSubject(reference);
            case SUMMARY_SENT, TASK_ASSIGNED, PHYSICIAN_MESSAGE -> throw notFor(m, Recipient.PATIENT);
        };
    }

    private String patientBody(MailTexts t, Milestone m, CaseSnapshot c, String language, ZoneId zone) {
        return switch (m) {
            case RECEIVED -> acknowledgements.of(c.reference(), c.acknowledged().at(), c.acknowledged().officeOpen(),
                    c.acknowledged().officeOpensAt(), c.patient().preferredLanguage(), c.patient().timeZone()).message();
            case RECORDS_REQUESTED -> t.recordsRequestedBody();
            case RECORDS_REMINDER -> t.recordsReminderBody();
            case OPINION_RELEASED -> t.opinionReleasedBody();
            case ESTIMATE_READY -> t.estimateReadyBody();
            case DEPOSIT_REMINDER -> t.depositReminderBody();
            case DEPOSIT_RECEIVED -> t.depositReceivedBody();
            case VISIT_SCHEDULED -> t.visitScheduledBody(date(t, c.arrivalDate(), language),
                    moment(t, c.firstAppointmentAt(), zone, language), zone.getId());
            case PRE_ARRIVAL_REMINDER -> t.preArrivalBody(date(t, c.arrivalDate(), language),
                    moment(t, c.firstAppointmentAt(), zone, language), zone.getId());
            case FOLLOW_UP -> t.followUpBody();
            case ITINERARY -> t.itineraryBody(zone.getId());
            case ITINERARY_REVISED -> t.itineraryRevisedBody(zone.getId());
            case WITHDRAWN -> t.withdrawnBody();
            case DECLINED -> t.declinedBody();
            case CLOSED_INCOMPLETE -> t.closedIncompleteBody();
            case CLOSED_NO_DEPOSIT -> t.closedNoDepositBody();
            case CLOSED -> t.closedBody();
            case SUMMARY_SENT, TASK_ASSIGNED, PHYSICIAN_MESSAGE -> throw notFor(m, Recipient.PATIENT);
        };
    }

    /**
     * A notice to a member of staff who chose it, in English (the Center's working language), shaped like every other
     * mail: the case's reference and the step, a link to the inbox, nothing about the patient.
     */
    public Rendered renderStaff(Milestone notice, String reference, String step, String staffName, String link) {
        MailTexts t = MessageBundles.get(MailTexts.class, Localized.Literal.of(PatientLanguage.FALLBACK));
        String subject;
        String body;
        switch (notice) {
            case TASK_ASSIGNED -> {
                subject = t.staffTaskAssignedSubject(step, reference);
                body = t.staffTaskAssignedBody(step);
            }
            case PHYSICIAN_MESSAGE -> {
                subject = t.staffPhysicianMessageSubject(reference);
                body = t.staffPhysicianMessageBody();
            }
            default -> throw notFor(notice, Recipient.STAFF);
        }
        Mail mail = new Mail(PatientLanguage.FALLBACK, "ltr", "left", subject, t.referenceLine(reference),
                t.greeting(staffName), List.of(body, t.staffWhyYouGetThis()), t.staffInboxLine(link),
                contact(t, office.zone()), t.privacyNote());
        return new Rendered(PatientLanguage.FALLBACK, subject, text.data("mail", mail).render(),
                html.data("mail", mail).render());
    }

    /** Where a notice's link leads: the task, or the case, in the inbox. */
    public String inboxLink(String path) {
        String base = config.inboxUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    private static String physicianSubject(MailTexts t, Milestone m, String reference) {
        return switch (m) {
            case RECEIVED -> t.physicianReceivedSubject(reference);
            case RECORDS_REQUESTED -> t.physicianRecordsRequestedSubject(reference);
            case RECORDS_REMINDER -> t.physicianRecordsReminderSubject(reference);
            case OPINION_RELEASED -> t.physicianOpinionReleasedSubject(reference);
            case SUMMARY_SENT -> t.physicianSummarySentSubject(reference);
            case WITHDRAWN -> t.physicianWithdrawnSubject(reference);
            case DECLINED -> t.physicianDeclinedSubject(reference);
            case CLOSED_INCOMPLETE -> t.physicianClosedIncompleteSubject(reference);
            case CLOSED_NO_DEPOSIT -> t.physicianClosedNoDepositSubject(reference);
            case CLOSED -> t.physicianClosedSubject(reference);
            default -> throw notFor(m, Recipient.PHYSICIAN);
        };
    }

    private static String physicianBody(MailTexts t, Milestone m, String reference) {
        return switch (m) {
            case RECEIVED -> t.physicianReceivedBody(reference);
            case RECORDS_REQUESTED -> t.physicianRecordsRequestedBody(reference);
            case RECORDS_REMINDER -> t.physicianRecordsReminderBody(reference);
            case OPINION_RELEASED -> t.physicianOpinionReleasedBody(reference);
            case SUMMARY_SENT -> t.physicianSummarySentBody(reference);
            case WITHDRAWN -> t.physicianWithdrawnBody(reference);
            case DECLINED -> t.physicianDeclinedBody(reference);
            case CLOSED_INCOMPLETE -> t.physicianClosedIncompleteBody(reference);
            case CLOSED_NO_DEPOSIT -> t.physicianClosedNoDepositBody(reference);
            case CLOSED -> t.physicianClosedBody(reference);
            default -> throw notFor(m, Recipient.PHYSICIAN);
        };
    }

    private static String date(MailTexts t, LocalDate date, String language) {
        return date == null ? t.toBeConfirmed()
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(Locale.forLanguageTag(language))
                        .format(date);
    }

    private static String moment(MailTexts t, Instant at, ZoneId zone, String language) {
        return at == null ? t.toBeConfirmed() : Acknowledgements.readable(at.atZone(zone), language);
    }

    private static IllegalArgumentException notFor(Milestone m, Recipient r) {
        return new IllegalArgumentException(m + " is not mailed to the " + r.name().toLowerCase(Locale.ROOT));
    }
}

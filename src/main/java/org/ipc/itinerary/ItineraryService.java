package org.ipc.itinerary;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ipc.access.CaseAction;
import org.ipc.access.CasePart;
import org.ipc.common.FieldError;
import org.ipc.common.InvalidInputException;
import org.ipc.audit.AuditAction;
import org.ipc.audit.AuditTrail;
import org.ipc.cases.CaseAccess;
import org.ipc.cases.CaseSnapshot;
import org.ipc.notify.MailOutbox;
import org.ipc.notify.Milestone;
import org.ipc.security.CurrentUser;
import org.ipc.cases.PatientCase;
import org.ipc.departments.Department;
import org.ipc.departments.DepartmentCatalog;
import org.ipc.hospital.HospitalConfig;
import org.ipc.officehours.BusinessClock;
import org.ipc.patients.PatientLanguage;
import org.jboss.logging.Logger;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * A visit's appointments, set by coordinators as a whole itinerary: each change keeps an appointment's identity and
 * raises its sequence, each one left out is cancelled, not deleted. Shown to staff in hospital and patient time, to
 * the patient in their language and zone, and as an iCalendar file.
 */
@ApplicationScoped
public class ItineraryService {

    private static final Logger LOG = Logger.getLogger(ItineraryService.class);

    private static final int MAX_APPOINTMENTS = 40;

    /** A calendar file and the name to attach it under. */
    public record CalendarFile(String fileName, String content) {
    }

    @Inject
    CaseAccess access;

    @Inject
    AuditTrail audit;

    @Inject
    DepartmentCatalog departments;

    @Inject
    HospitalConfig hospital;

    @Inject
    BusinessClock office;

    @Inject
    Clock clock;

    @Inject
    MailOutbox outbox;

    @Inject
    CurrentUser user;

    @Inject
    Event<ItineraryChanged> itineraryChanged;

    /** Coordinators set the itinerary; the answer says how many appointments changed. */
    @Transactional
    public ItineraryView replace(UUID caseId, ItineraryRequest request) {
        if (request == null || request.appointments() == null) {
            throw InvalidInputException.field("appointments", "send the whole itinerary: {\"appointments\": [...]}");
        }
        PatientCase c = access.openStaffCaseForChange(caseId, CaseAction.PLAN_ITINERARY, "its itinerary is closed");
        List<Appointment> existing = Appointment.of(c.id);
        Map<UUID, Appointment> byId = new HashMap<>();
        existing.forEach(a -> byId.put(a.id, a));
        List<Wanted> wanted = check(request, byId);

        Instant now = Instant.now(clock);
        int changed = 0;
        Set<UUID> kept = new HashSet<>();
        for (Wanted w : wanted) {
            Appointment a = w.existing();
            if (a == null) {
                a = new Appointment();
                a.id = UUID.randomUUID();
                a.caseId = c.id;
                a.sequence = 0;
                a.createdAt = now;
                w.applyTo(a);
                a.status = Appointment.Status.SCHEDULED;
                a.updatedAt = now;
                a.persist();
                changed++;
            } else {
                kept.add(a.id);
                if (!w.sameAs(a) || a.status == Appointment.Status.CANCELLED) {
                    w.applyTo(a);
                    a.status = Appointment.Status.SCHEDULED;
                    a.sequence++;
                    a.updatedAt = now;
                    changed++;
                }
            }
        }
        for (Appointment a : existing) {
            if (!kept.contains(a.id) && a.status == Appointment.Status.SCHEDULED) {
                a.status = Appointment.Status.CANCELLED;
                a.sequence++;
                a.updatedAt = now;
                changed++;
            }
        }
        audit.record(AuditAction.ITINERARY_CHANGED, c.id, changed + " appointments changed");
        if (changed > 0) {
            mailToPatient(c, existing.isEmpty());
            List<LocalDate> days = Appointment.of(c.id).stream().filter(a -> a.status == Appointment.Status.SCHEDULED)
                    .map(a -> a.startsAt.atZone(office.zone()).toLocalDate()).sorted().toList();
            itineraryChanged.fire(new ItineraryChanged(c.id, days.isEmpty() ? null : days.get(0),
                    days.isEmpty() ? null : days.get(days.size() - 1), user.id()));
        }
        LOG.infof("Itinerary of case %s set: %d appointments, %d changed", c.id, wanted.size(), changed);
        return view(c, Appointment.of(c.id), changed);
    }

    @Transactional
    public ItineraryView staffView(UUID caseId) {
        PatientCase c = access.staffCase(caseId, CasePart.ITINERARY);
        audit.record(AuditAction.ITINERARY_READ, c.id);
        return view(c, Appointment.of(c.id), 0);
    }

    @Transactional
    public PatientItinerary patientView(UUID caseId) {
        PatientCase c = access.staffCase(caseId, CasePart.ITINERARY);
        audit.record(AuditAction.ITINERARY_READ, c.id, "patient's view");
        return forPatient(c);
    }

    @Transactional
    public CalendarFile calendar(UUID caseId) {
        PatientCase c = access.staffCase(caseId, CasePart.ITINERARY);
        audit.record(AuditAction.ITINERARY_READ, c.id, "calendar");
        return calendarOf(c);
    }

    /** When the first scheduled appointment of the case begins, if one is scheduled (for the process's visit step). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Instant> firstAppointment(UUID caseId) {
        return Appointment.of(caseId).stream().filter(a -> a.status == Appointment.Status.SCHEDULED)
                .map(a -> a.startsAt).min(Instant::compareTo);
    }

    /** The patient's itinerary, for the mail that carries it (the caller audits). */
    @Transactional(Transactional.TxType.MANDATORY)
    public PatientItinerary forPatient(PatientCase c) {
        String language = PatientLanguage.of(c.patient.preferredLanguage);
        Locale locale = Locale.forLanguageTag(language);
        ZoneId zone = ZoneId.of(c.patient.timeZone);
        ItineraryTexts t = MessageBundles.get(ItineraryTexts.class, Localized.Literal.of(language));
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                .withLocale(locale).withDecimalStyle(DecimalStyle.of(locale)).withZone(zone);
        List<PatientItinerary.Line> lines = Appointment.of(c.id).stream().map(a -> {
            HospitalConfig.Place place = hospital.places().get(a.place);
            boolean cancelled = a.status == Appointment.Status.CANCELLED;
            return new PatientItinerary.Line(when.format(a.startsAt), kind(t, a.kind), departmentName(a.department),
                    place.building(), place.clinic(), place.address(), cancelled, cancelled ? t.cancelled() : null);
        }).toList();
        return new PatientItinerary(language, PatientLanguage.isRightToLeft(language) ? "rtl" : "ltr", zone.getId(),
                t.title(hospital.name()), t.zoneNote(zone.getDisplayName(TextStyle.FULL, locale) + " (" + zone.getId()
                        + ")"), lines);
    }

    /** The patient's calendar file, cancelled appointments included (the caller audits). */
    @Transactional(Transactional.TxType.MANDATORY)
    public CalendarFile calendarOf(PatientCase c) {
        String language = PatientLanguage.of(c.patient.preferredLanguage);
        ItineraryTexts t = MessageBundles.get(ItineraryTexts.class, Localized.Literal.of(language));
        List<ItineraryCalendar.Event> events = Appointment.of(c.id).stream().map(a -> {
            HospitalConfig.Place place = hospital.places().get(a.place);
            return new ItineraryCalendar.Event(a, t.eventSummary(kind(t, a.kind), hospital.name()),
                    place.building() + ", " + place.clinic() + ", " + place.address(),
                    t.eventDescription(departmentName(a.department), c.reference, hospital.phone()));
        }).toList();
        return new CalendarFile("itinerary-" + c.reference + ".ics",
                ItineraryCalendar.write(hospital.name(), hospital.email(), hospital.calendarDomain(), events,
                        Instant.now(clock)));
    }

    /**
     * The patient's mail of the itinerary, queued in this transaction: the appointments in their language and zone,
     * the .ics attached. A change sends the revised itinerary (same UIDs, higher SEQUENCEs). The occurrence that
     * numbers the mail is the sum of the appointments' versions, which every change raises.
     */
    private void mailToPatient(PatientCase c, boolean first) {
        PatientCase.getEntityManager().flush();
        List<Appointment> now = Appointment.of(c.id);
        int occurrence = now.stream().mapToInt(a -> a.sequence + 1).sum();
        PatientItinerary itinerary = forPatient(c);
        List<String> lines = itinerary.appointments().stream().map(l -> (l.cancelled() ? l.status() + ": " : "")
                + l.when() + " · " + l.what() + " · " + l.department() + " · " + l.building() + ", " + l.clinic()
                + ", " + l.address()).toList();
        CalendarFile ics = calendarOf(c);
        outbox.enqueue(CaseSnapshot.of(c), first ? Milestone.ITINERARY : Milestone.ITINERARY_REVISED, occurrence,
                lines, new MailOutbox.Attachment(ics.fileName(), "text/calendar; charset=UTF-8; method=PUBLISH",
                        ics.content()));
    }

    private ItineraryView view(PatientCase c, List<Appointment> appointments, int changed) {
        ZoneId patient = ZoneId.of(c.patient.timeZone);
        return new ItineraryView(patient.getId(), changed, appointments.stream().map(a -> {
            HospitalConfig.Place place = hospital.places().get(a.place);
            return new ItineraryView.Entry(a.id, a.status, a.kind, a.startsAt, a.minutes,
                    a.startsAt.atZone(office.zone()).toOffsetDateTime(), a.startsAt.atZone(patient).toOffsetDateTime(),
                    new ItineraryView.Place(a.place, place.building(), place.clinic(), place.address()),
                    new ItineraryView.Department(a.department, departmentName(a.department)),
                    ItineraryCalendar.uid(a, hospital.calendarDomain()).getValue(), a.sequence);
        }).toList());
    }

    private String departmentName(String code) {
        return departments.find(code).map(d -> d.name).orElse(code);
    }

    private static String kind(ItineraryTexts t, AppointmentKind kind) {
        return switch (kind) {
            case CONSULTATION -> t.consultation();
            case TESTS -> t.tests();
            case IMAGING -> t.imaging();
            case PROCEDURE -> t.procedure();
            case ADMISSION -> t.admission();
            case FOLLOW_UP -> t.followUp();
            case INTERNATIONAL_OFFICE -> t.internationalOffice();
        };
    }

    /** One appointment as the request wants it. */
    private record Wanted(Appointment existing, Instant start, int minutes, String place, String department,
            AppointmentKind kind) {

        boolean sameAs(Appointment a) {
            return a.startsAt.equals(start) && a.minutes == minutes && a.place.equals(place)
                    && a.department.equals(department) && a.kind == kind;
        }

        void applyTo(Appointment a) {
            a.startsAt = start;
            a.minutes = minutes;
            a.place = place;
            a.department = department;
            a.kind = kind;
        }
    }

    private List<Wanted> check(ItineraryRequest request, Map<UUID, Appointment> existing) {
        List<FieldError> errors = new ArrayList<>();
        List<Wanted> wanted = new ArrayList<>();
        if (request.appointments().size() > MAX_APPOINTMENTS) {
            throw InvalidInputException.field("appointments", "at most " + MAX_APPOINTMENTS + " appointments");
        }
        Set<UUID> seen = new HashSet<>();
        Instant now = Instant.now(clock);
        for (int i = 0; i < request.appointments().size(); i++) {
            ItineraryRequest.Item item = request.appointments().get(i);
            String field = "appointments[" + i + "]";
            if (item == null) {
                errors.add(new FieldError(field, "must be an object"));
                continue;
            }
            int before = errors.size();
            Appointment current = null;
            if (item.id() != null) {
                Optional<UUID> id = uuid(item.id());
                current = id.map(existing::get).orElse(null);
                if (current == null) {
                    errors.add(new FieldError(field + ".id", "is not an appointment of this itinerary; "
                            + "leave it out for a new appointment"));
                } else if (!seen.add(current.id)) {
                    errors.add(new FieldError(field + ".id", "appears twice"));
                }
            }
            Instant start = start(field + ".start", item.start(), errors);
            if (item.minutes() == null || item.minutes() < 5 || item.minutes() > 12 * 60) {
                errors.add(new FieldError(field + ".minutes", "must be from 5 to 720 minutes"));
            }
            if (item.place() == null || !hospital.places().containsKey(item.place())) {
                errors.add(new FieldError(field + ".place", "must be one of "
                        + hospital.places().keySet().stream().sorted().collect(Collectors.joining(", "))));
            }
            Optional<Department> department = item.department() == null ? Optional.empty()
                    : departments.find(item.department());
            if (department.isEmpty()) {
                errors.add(new FieldError(field + ".department", "must be one of the codes of GET /api/departments"));
            }
            AppointmentKind kind = Arrays.stream(AppointmentKind.values()).filter(k -> k.name().equals(item.kind()))
                    .findFirst().orElse(null);
            if (kind == null) {
                errors.add(new FieldError(field + ".kind", "must be one of " + Arrays.stream(
                        AppointmentKind.values()).map(Enum::name).collect(Collectors.joining(", "))));
            }
            if (errors.size() > before) {
                continue;
            }
            Wanted w = new Wanted(current, start, item.minutes(), item.place(), item.department(), kind);
            boolean changes = current == null || !w.sameAs(current) || current.status == Appointment.Status.CANCELLED;
            if (changes && !start.isAfter(now)) {
                errors.add(new FieldError(field + ".start", "must be in the future"));
                continue;
            }
            wanted.add(w);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return wanted;
    }

    private static Instant start(String field, String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(field, "is required: a date and time with its offset, such as "
                    + "2027-01-11T09:00:00-05:00"));
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 date and time with its offset, such as "
                    + "2027-01-11T09:00:00-05:00 (hospital time) or ...Z"));
            return null;
        }
    }

    /** An appointment id as the client sent it, if it is one (a UUID). */
    private static Optional<UUID> uuid(String text) {
        try {
            return text.length() == 36 ? Optional.of(UUID.fromString(text)) : Optional.empty();
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}

package org.ipc.staff;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;

import org.ipc.audit.AuditAction;
import org.ipc.audit.AuditTrail;
import org.ipc.common.ConflictException;
import org.ipc.common.FieldError;
import org.ipc.common.InvalidInputException;
import org.ipc.common.NotFoundException;
import org.ipc.officehours.BusinessClock;
import org.ipc.security.CurrentUser;
import org.ipc.security.Roles;

import io.quarkus.security.ForbiddenException;

/**
 * Absence cover: a staff member (or a supervisor for them) records when they are away and who covers. While an
 * absence lasts, work routed to the absent person as a case's owner goes to whoever covers ({@link #coverFor}); the
 * case keeps its owner. Days are office dates: an absence lasts from the office's midnight before its first day to
 * the one after its last, and ends by itself then. Every change is audited.
 */
@ApplicationScoped
public class Absences {

    /** Longest absence one record covers. */
    static final int MAX_DAYS = 366;
    /** Cover is looked up through at most this many substitutes who are away themselves. */
    private static final int MAX_HOPS = 5;

    @Inject
    StaffDirectory directory;

    @Inject
    CurrentUser user;

    @Inject
    BusinessClock office;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Transactional
    public AbsenceView record(@Valid NewAbsence absence) {
        directory.signedIn();
        String staff = absence.staff() == null || absence.staff().isBlank() ? user.id() : absence.staff().strip();
        if (!staff.equals(user.id()) && !user.hasRole(Roles.SUPERVISOR)) {
            throw new ForbiddenException("Only a supervisor records another person's absence");
        }
        List<FieldError> errors = new ArrayList<>();
        Optional<StaffDirectory.Colleague> away = directory.find(staff);
        Optional<StaffDirectory.Colleague> cover = directory.find(absence.substitute().strip());
        if (away.isEmpty()) {
            errors.add(new FieldError("staff", "no staff member with this id has signed in to the inbox"));
        }
        if (cover.isEmpty()) {
            errors.add(new FieldError("substitute", "no staff member with this id has signed in to the inbox"));
        } else if (cover.get().subject().equals(staff)) {
            errors.add(new FieldError("substitute", "must be someone else than the person who is away"));
        } else if (away.isPresent() && away.get().roles().stream().noneMatch(cover.get().roles()::contains)
                && !cover.get().roles().contains(Roles.SUPERVISOR)) {
            errors.add(new FieldError("substitute", "must work in a role of " + away.get().name() + " ("
                    + String.join(", ", away.get().roles()) + ") or be a supervisor"));
        }
        LocalDate today = LocalDate.now(clock.withZone(office.zone()));
        if (absence.lastDay().isBefore(absence.firstDay())) {
            errors.add(new FieldError("lastDay", "must be on or after the first day"));
        } else if (absence.lastDay().isBefore(today)) {
            errors.add(new FieldError("lastDay", "must not be in the past (office date today: " + today + ")"));
        } else if (ChronoUnit.DAYS.between(absence.firstDay(), absence.lastDay()) >= MAX_DAYS) {
            errors.add(new FieldError("lastDay", "must be at most " + MAX_DAYS + " days after the first day"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ZoneId zone = office.zone();
        Instant starts = absence.firstDay().atStartOfDay(zone).toInstant();
        Instant ends = absence.lastDay().plusDays(1).atStartOfDay(zone).toInstant();
        if (Absence.overlapping(staff, starts, ends) > 0) {
            throw new ConflictException(away.get().name() + " already has an absence on some of these days; end or"
                    + " change that one first");
        }
        Absence a = new Absence();
        a.id = UUID.randomUUID();
        a.staff = staff;
        a.substitute = cover.get().subject();
        a.firstDay = absence.firstDay();
        a.lastDay = absence.lastDay();
        a.startsAt = starts;
        a.endsAt = ends;
        a.note = absence.note() == null || absence.note().isBlank() ? null : absence.note().strip();
        a.recordedBy = user.id();
        a.recordedAt = Instant.now(clock);
        a.persist();
        audit.record(AuditAction.ABSENCE_RECORDED, null, "absence " + a.id + " from " + a.firstDay + " to "
                + a.lastDay);
        return view(a, directory.namesOf(people(a)));
    }

    /** Ends an absence now (back early, or recorded by mistake): its person, a supervisor or whoever recorded it. */
    @Transactional
    public AbsenceView end(UUID id) {
        Absence a = Absence.<Absence>findByIdOptional(id).orElseThrow(() -> new NotFoundException("Absence"));
        String me = user.id();
        if (!me.equals(a.staff) && !me.equals(a.recordedBy) && !user.hasRole(Roles.SUPERVISOR)) {
            throw new ForbiddenException("Only the person away, whoever recorded it or a supervisor ends an absence");
        }
        Instant now = Instant.now(clock);
        if (!a.endsAt.isAfter(now)) {
            throw new ConflictException("This absence is already over");
        }
        a.endedAt = now;
        a.endedBy = me;
        a.endsAt = now.isBefore(a.startsAt) ? a.startsAt : now;
        audit.record(AuditAction.ABSENCE_ENDED, null, "absence " + a.id);
        return view(a, directory.namesOf(people(a)));
    }

    /** Absences that last now or are still to come, soonest first. */
    @Transactional
    public List<AbsenceView> notOver() {
        Instant now = Instant.now(clock);
        List<Absence> all = Absence.notOverAt(now);
        Set<String> people = new HashSet<>();
        all.forEach(a -> {
            people.add(a.staff);
            people.add(a.substitute);
            people.add(a.recordedBy);
        });
        Map<String, String> names = directory.namesOf(people);
        return all.stream().map(a -> view(a, names)).toList();
    }

    @Transactional
    public AbsenceView get(UUID id) {
        Absence a = Absence.<Absence>findByIdOptional(id).orElseThrow(() -> new NotFoundException("Absence"));
        return view(a, directory.namesOf(people(a)));
    }

    /**
     * Who works for {@code subject} at {@code t}: their substitute while they are away (and that one's, when the
     * substitute is away too), or nobody when they are here.
     */
    @Transactional
    public Optional<String> coverFor(String subject, Instant t) {
        if (subject == null) {
            return Optional.empty();
        }
        String current = subject;
        Set<String> seen = new HashSet<>(Set.of(subject));
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            Optional<Absence> away = Absence.of(current, t);
            if (away.isEmpty()) {
                break;
            }
            if (!seen.add(away.get().substitute)) {
                break; // two people covering for each other while both away: the last one reached covers
            }
            current = away.get().substitute;
        }
        return current.equals(subject) ? Optional.empty() : Optional.of(current);
    }

    /** The absence of {@code subject} lasting now, if any. */
    @Transactional
    public Optional<AbsenceView> currentOf(String subject) {
        return Absence.of(subject, Instant.now(clock))
                .map(a -> view(a, directory.namesOf(people(a))));
    }

    private AbsenceView view(Absence a, Map<String, String> names) {
        return new AbsenceView(a.id, a.staff, name(names, a.staff), a.firstDay, a.lastDay, a.substitute,
                name(names, a.substitute), a.note, a.lastsAt(Instant.now(clock)), a.recordedBy, name(names, a.recordedBy),
                a.recordedAt, a.endsAt);
    }

    /** Who an absence names: the person away, who covers, who recorded it (often the first). */
    private static Set<String> people(Absence a) {
        return new HashSet<>(List.of(a.staff, a.substitute, a.recordedBy));
    }

    private static String name(Map<String, String> names, String subject) {
        return names.getOrDefault(subject, StaffDirectory.unknown(subject));
    }
}

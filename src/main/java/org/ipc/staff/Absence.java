package org.ipc.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A staff member away from a first to a last office day, and who covers for them. It lasts while now is between
 * {@code startsAt} and {@code endsAt} (the office's midnights around those days, or the moment it was ended early),
 * so it ends by itself on every replica at once, with no timer.
 */
@Entity
@Table(name = "staff_absence")
public class Absence extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "staff_subject", nullable = false)
    public String staff;

    @Column(name = "substitute_subject", nullable = false)
    public String substitute;

    @Column(name = "first_day", nullable = false)
    public LocalDate firstDay;

    @Column(name = "last_day", nullable = false)
    public LocalDate lastDay;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    public String note;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "ended_by")
    public String endedBy;

    @Column(name = "ended_at")
    public Instant endedAt;

    public boolean lastsAt(Instant t) {
        return !startsAt.isAfter(t) && endsAt.isAfter(t);
    }

    /** Absences not over yet at {@code t} (current and coming), soonest first. */
    static List<Absence> notOverAt(Instant t) {
        return list("endsAt > ?1 order by startsAt, staff", t);
    }

    /** The absence of {@code staff} lasting at {@code t}, if any. */
    static java.util.Optional<Absence> of(String staff, Instant t) {
        return find("staff = ?1 and startsAt <= ?2 and endsAt > ?2", staff, t).firstResultOptional();
    }

    /** Absences of {@code staff} that overlap [from, to). */
    static long overlapping(String staff, Instant from, Instant to) {
        return count("staff = ?1 and startsAt < ?3 and endsAt > ?2", staff, from, to);
    }
}

package org.ipc.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One step of a case's status history, as the portal shows it. */
@Entity
@Table(name = "case_status_change")
public class CaseStatusChange extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStatus status;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** 1 for a case's first status, 2 for the next, ...: the order of changes made in the same instant. */
    @Column(nullable = false)
    public int position;

    /** Who caused it: a user id, or null when the process did it on its own (a timer). */
    @Column(name = "changed_by")
    public String changedBy;

    public static List<CaseStatusChange> historyOf(UUID caseId) {
        return list("caseId = ?1 order by position", caseId);
    }

    /**
     * How many status changes the case has, this transaction's included. A written-out count query: Panache's
     * {@code count(...)} derives a new count query on every call, which Hibernate then translates anew.
     */
    static int countOf(UUID caseId) {
        return getEntityManager().createQuery("select count(s) from CaseStatusChange s where s.caseId = :caseId",
                Long.class).setParameter("caseId", caseId).getSingleResult().intValue();
    }
}

package org.ipc.estimates;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.ipc.money.Money;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A cost estimate for a case, as finance issued it: items in one currency, who pays, the deposit asked for and when
 * it falls due. Revisions are numbered within the case; a new one supersedes the one before, and both are kept.
 */
@Entity
@Table(name = "estimate")
public class Estimate extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(nullable = false)
    public int revision;

    /** ISO 4217 code. */
    @Column(nullable = false, length = 3)
    public String currency;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "estimate_item", joinColumns = @JoinColumn(name = "estimate_id"))
    @OrderColumn(name = "position")
    public List<EstimateItem> items = new ArrayList<>();

    @Column(name = "total_minor", nullable = false)
    public long totalMinor;

    @Enumerated(EnumType.STRING)
    @Column(name = "payer_kind", nullable = false)
    public PayerKind payerKind;

    /** The insurer or guarantor; null for self-pay. */
    @Column(name = "payer_name")
    public String payerName;

    /** Policy or claim number, or the guarantee letter's reference; null for self-pay. */
    @Column(name = "payer_reference")
    public String payerReference;

    /** The deposit as a share of the total (percent), when it was asked for that way. */
    @Column(name = "deposit_share_percent", precision = 7, scale = 4)
    public BigDecimal depositSharePercent;

    @Column(name = "deposit_minor", nullable = false)
    public long depositMinor;

    @Column(name = "planned_admission", nullable = false)
    public LocalDate plannedAdmission;

    /** Business time before the office opens on the admission day (see docs/paperwork.md). */
    @Column(name = "deposit_due_at", nullable = false)
    public Instant depositDueAt;

    @Column(name = "valid_until", nullable = false)
    public LocalDate validUntil;

    /** The language its PDF was written in. */
    @Column(nullable = false)
    public String language;

    @Column(name = "document_id")
    public UUID documentId;

    @Column(name = "issued_by", nullable = false)
    public String issuedBy;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    /** When a revision took its place; null for the current estimate. */
    @Column(name = "superseded_at")
    public Instant supersededAt;

    public Currency currency() {
        return Currency.getInstance(currency);
    }

    public Money total() {
        return Money.ofMinor(totalMinor, currency());
    }

    public Money deposit() {
        return Money.ofMinor(depositMinor, currency());
    }

    public boolean isCurrent() {
        return supersededAt == null;
    }

    /** Every revision of the case, newest first. */
    public static List<Estimate> revisionsOf(UUID caseId) {
        return list("caseId = ?1 order by revision desc", caseId);
    }

    public static Optional<Estimate> currentOf(UUID caseId) {
        return find("caseId = ?1 and supersededAt is null", caseId).firstResultOptional();
    }

    public static Optional<Estimate> revision(UUID caseId, int revision) {
        return find("caseId = ?1 and revision = ?2", caseId, revision).firstResultOptional();
    }
}

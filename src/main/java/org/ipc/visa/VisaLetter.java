package org.ipc.visa;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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

import org.ipc.crypto.FieldCipher;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A visa invitation letter as issued: to which consulate, for whom (the name as in the passport, the passport number
 * sealed), why and when, what it costs and whether the deposit was received at issue. Its verification code is kept
 * only as a SHA-256 digest; a letter is revoked, never deleted.
 */
@Entity
@Table(name = "visa_letter")
public class VisaLetter extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "code_sha256", nullable = false, unique = true)
    public String codeSha256;

    @Column(name = "consulate_name", nullable = false)
    public String consulateName;

    @Column(name = "consulate_city", nullable = false)
    public String consulateCity;

    @Column(name = "name_in_passport", nullable = false)
    public String nameInPassport;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    /** ISO 3166-1 alpha-2. */
    @Column(nullable = false, length = 2)
    public String nationality;

    @Column(name = "passport_sealed", nullable = false)
    public String passportSealed;

    @Column(name = "passport_last_four", nullable = false, length = 4)
    public String passportLastFour;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "visa_companion", joinColumns = @JoinColumn(name = "letter_id"))
    @OrderColumn(name = "position")
    public List<Companion> companions = new ArrayList<>();

    /** Where the patient's sealed passport number is kept: it opens for this row and no other. */
    public static FieldCipher.Binding passportBinding(UUID letterId) {
        return FieldCipher.Binding.of("visa_letter", letterId, "passport_sealed");
    }

    /** Where a companion's sealed passport number is kept: the letter's companion at {@code position} (0, 1, ...). */
    public static FieldCipher.Binding companionPassportBinding(UUID letterId, int position) {
        return FieldCipher.Binding.of("visa_companion", letterId + "/" + position, "passport_sealed");
    }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public VisitPurpose purpose;

    /** Department code. */
    @Column(nullable = false)
    public String department;

    @Column(nullable = false)
    public LocalDate arrival;

    @Column(nullable = false)
    public LocalDate departure;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(name = "estimated_minor", nullable = false)
    public long estimatedMinor;

    @Column(name = "estimate_revision", nullable = false)
    public int estimateRevision;

    @Column(name = "deposit_received", nullable = false)
    public boolean depositReceived;

    @Column(name = "document_id")
    public UUID documentId;

    @Column(name = "issued_by", nullable = false)
    public String issuedBy;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_reason")
    public String revokedReason;

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public static List<VisaLetter> of(UUID caseId) {
        return list("caseId = ?1 order by issuedAt desc, id", caseId);
    }

    public static List<VisaLetter> inForce(UUID caseId) {
        return list("caseId = ?1 and revokedAt is null", caseId);
    }

    public static Optional<VisaLetter> byCodeDigest(String sha256) {
        return find("codeSha256", sha256).firstResultOptional();
    }

    public static Optional<VisaLetter> inCase(UUID caseId, UUID letterId) {
        return find("caseId = ?1 and id = ?2", caseId, letterId).firstResultOptional();
    }
}

package org.ipc.notify;

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

/**
 * One mail in the outbox: rendered when the change that causes it commits (same transaction), sent later by
 * {@link MailSender}. Its dedupe key (case, milestone, recipient) is unique.
 */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail extends PanacheEntityBase {

    public enum Status {
        /** Waiting to be sent, at {@code nextAttemptAt}. */
        PENDING,
        /** Claimed by a sender until {@code leaseUntil}; if the sender dies, the claim lapses and it is sent again. */
        SENDING,
        SENT,
        /** Refused for good (a permanent SMTP answer, or too many attempts): the coordinator sees it on the case. */
        FAILED
    }

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "dedupe_key", nullable = false, unique = true)
    public String dedupeKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Milestone milestone;

    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_kind", nullable = false)
    public Milestone.Recipient recipientKind;

    @Column(nullable = false)
    public String recipient;

    @Column(nullable = false)
    public String language;

    @Column(nullable = false)
    public String subject;

    @Column(name = "body_text", nullable = false)
    public String bodyText;

    @Column(name = "body_html", nullable = false)
    public String bodyHtml;

    /** The attachment's file name, type and text (an itinerary's .ics), or null: sent as kept, on every attempt. */
    @Column(name = "attachment_name")
    public String attachmentName;

    @Column(name = "attachment_type")
    public String attachmentType;

    @Column(name = "attachment_content")
    public String attachmentContent;

    /** The same on every attempt, so a receiving system can recognise a repeated delivery. */
    @Column(name = "message_id", nullable = false)
    public String messageId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "claimed_by")
    public UUID claimedBy;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    public static List<OutboxMail> ofCase(UUID caseId) {
        return list("caseId = ?1 order by createdAt, recipientKind", caseId);
    }
}

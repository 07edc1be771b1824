package org.ipc.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ipc.cases.CaseSnapshot;
import org.ipc.notify.Milestone.Recipient;
import org.jboss.logging.Logger;

/**
 * The transactional outbox: a milestone's mails are rendered and written in the transaction of the change that
 * causes them, so they exist exactly when the change does. Patients are mailed only with recorded consent.
 */
@ApplicationScoped
public class MailOutbox {

    private static final Logger LOG = Logger.getLogger(MailOutbox.class);
    private static final Object QUEUED_IN_THIS_TRANSACTION = new Object();

    @Inject
    MailRenderer renderer;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transaction;

    @ConfigProperty(name = "quarkus.mailer.from")
    String from;

    /** A file sent with a mail: its name, MIME type and text content. */
    public record Attachment(String fileName, String contentType, String content) {
    }

    /** Queues a milestone's mails once; {@code occurrence} numbers a repeated milestone (the second reminder is 2). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(CaseSnapshot c, Milestone milestone, int occurrence) {
        enqueue(c, milestone, occurrence, List.of(), null);
    }

    /**
     * Queues a milestone's mails with {@code details} (paragraphs after the milestone's own, already in the
     * recipient's language) and an attachment (or null), both kept with the row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(CaseSnapshot c, Milestone milestone, int occurrence, List<String> details,
            Attachment attachment) {
        for (Recipient recipient : Recipient.values()) {
            if (!milestone.recipients().contains(recipient)) {
                continue;
            }
            String address = address(c, recipient);
            if (address == null) {
                LOG.debugf("case %s: no %s mail for %s (no address or no consent)", c.id(), milestone, recipient);
                continue;
            }
            String key = dedupeKey(c.id(), milestone, occurrence, recipient);
            if (alreadyQueued(key)) {
                continue;
            }
            MailRenderer.Rendered mail = renderer.render(c, milestone, recipient, details);
            queue(c.id(), key, milestone, recipient, address, mail, attachment);
        }
    }

    /**
     * Queues a notice to a member of staff about a case (rendered by {@link MailRenderer#renderStaff}): each notice is
     * its own mail, sent once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueueStaff(UUID caseId, Milestone notice, String address, MailRenderer.Rendered mail) {
        String key = caseId + ":" + notice.name() + ":" + UUID.randomUUID() + ":staff";
        queue(caseId, key, notice, Recipient.STAFF, address, mail, null);
    }

    /** One rendered mail as a row of the outbox, to be sent now. */
    private void queue(UUID caseId, String key, Milestone milestone, Recipient recipient, String address,
            MailRenderer.Rendered mail, Attachment attachment) {
        OutboxMail row = new OutboxMail();
        row.id = UUID.randomUUID();
        row.caseId = caseId;
        row.dedupeKey = key;
        row.milestone = milestone;
        row.recipientKind = recipient;
        row.recipient = address;
        row.language = mail.language();
        row.subject = mail.subject();
        row.bodyText = mail.text();
        row.bodyHtml = mail.html();
        if (attachment != null) {
            row.attachmentName = attachment.fileName();
            row.attachmentType = attachment.contentType();
            row.attachmentContent = attachment.content();
        }
        row.messageId = "<" + row.id + "@" + domain(from) + ">";
        row.status = OutboxMail.Status.PENDING;
        row.attempts = 0;
        Instant now = Instant.now(clock);
        row.nextAttemptAt = now;
        row.createdAt = now;
        row.persist();
    }

    /**
     * Whether a mail with this key exists: queued earlier in this transaction, or committed before it. The look-up
     * does not flush the transaction's pending rows first (Hibernate's auto-flush, a dirty check of every entity of
     * the unit of work on each call), because the only rows of this table it could miss are this transaction's own,
     * which the set already holds.
     */
    private boolean alreadyQueued(String key) {
        @SuppressWarnings("unchecked")
        Set<String> queuedHere = (Set<String>) transaction.getResource(QUEUED_IN_THIS_TRANSACTION);
        if (queuedHere == null) {
            queuedHere = new HashSet<>();
            transaction.putResource(QUEUED_IN_THIS_TRANSACTION, queuedHere);
        }
        if (!queuedHere.add(key)) {
            return true;
        }
        return !em.createQuery("select 1 from OutboxMail m where m.dedupeKey = :key", Integer.class)
                .setParameter("key", key).setFlushMode(FlushModeType.COMMIT).setMaxResults(1).getResultList().isEmpty();
    }

    private static String address(CaseSnapshot c, Recipient recipient) {
        return switch (recipient) {
            case PATIENT -> c.patient().emailConsent() ? blankToNull(c.patient().email()) : null;
            case PHYSICIAN -> blankToNull(c.physician().email());
            case STAFF -> null;
        };
    }

    /**
     * One mail per case, milestone and recipient; a reminder is numbered by its occurrence on the case's
     * timeline; the ways a case ends share one key, so only the first is told.
     */
    static String dedupeKey(UUID caseId, Milestone milestone, int occurrence, Recipient recipient) {
        String what = switch (milestone.slot()) {
            case ONCE -> milestone.name();
            case EACH_TIME -> milestone.name() + "#" + occurrence;
            case CASE_END -> "END";
        };
        return caseId + ":" + what + ":" + recipient.name().toLowerCase(Locale.ROOT);
    }

    private static String domain(String address) {
        int at = address.lastIndexOf('@');
        String domain = at < 0 ? "" : address.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "");
        return domain.isEmpty() ? "ipc.invalid" : domain;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

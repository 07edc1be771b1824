package org.ipc.notify;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.ipc.common.Causes;
import org.ipc.common.DatabaseOutage;
import org.ipc.notify.OutboxMail.Status;
import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.ext.mail.SMTPException;

/**
 * Drains the outbox into SMTP. Each round claims a batch of due mail in its own transaction (a conditional update,
 * so two instances never claim the same mail), sends it with a few connections at once, and marks each mail the
 * moment its server accepted it. A failed attempt waits a doubling back-off; an address the server refuses for good,
 * or too many attempts, marks the mail failed, which the coordinator sees on the case.
 * <p>
 * Delivery is at least once: if the process dies after the server accepted a mail and before it was marked, the
 * claim lapses after the lease and the mail goes again, with the same {@code Message-ID}, so the receiving system
 * can tell it is the same mail. A normal shutdown waits for the mail in flight to be marked.
 * <p>
 * While the database is away (a restart, a fail-over) the sender sends nothing it could not mark: a mail the server
 * already accepted is marked as soon as the database answers again (tried every second within its lease, so it does
 * not go twice), the rest of its batch is not sent but given back to the outbox for the next round, and the log says
 * once that sending paused and once that it resumed.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);

    /** What one drain did; {@code retrying} counts mails whose attempt failed or was put off to a later round. */
    public record Drained(int sent, int retrying, int failed) {

        public int total() {
            return sent + retrying + failed;
        }
    }

    private enum Outcome {
        SENT, RETRYING, FAILED,
        /** Not sent because the database went away during its batch: given back for a later round. */
        DEFERRED
    }

    @Inject
    Mailer mailer;

    @Inject
    MailConfig config;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    private ExecutorService connections;
    private volatile boolean stopping;
    private final AtomicBoolean paused = new AtomicBoolean();

    @PostConstruct
    void start() {
        connections = Executors.newFixedThreadPool(config.concurrency(), r -> {
            Thread t = new Thread(r, "mail-sender");
            t.setDaemon(true);
            return t;
        });
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        connections.shutdown();
        if (!connections.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("mail still in flight at shutdown; it will be sent again after its lease");
        }
    }

    @Scheduled(every = "${ipc.mail.drain-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            drain();
        } catch (RuntimeException e) {
            if (!DatabaseOutage.isCause(e)) {
                throw e;
            }
            // the next round tries again
            pause(e);
            return;
        }
        if (paused.compareAndSet(true, false)) {
            LOG.info("Mail outbox: the database answers again; sending resumed");
        }
    }

    private void pause(RuntimeException outage) {
        if (paused.compareAndSet(false, true)) {
            LOG.warnf("Mail outbox: the database is unavailable (%s); sending waits for it",
                    DatabaseOutage.describe(outage));
        }
    }

    /** Sends all mail due now, batch by batch, until none is due. */
    public Drained drain() {
        return drain(config.batchSize());
    }

    Drained drain(int batchSize) {
        int sent = 0;
        int retrying = 0;
        int failed = 0;
        while (!stopping) {
            UUID claim = UUID.randomUUID();
            List<OutboxMail> batch = claim(claim, batchSize);
            if (batch.isEmpty()) {
                break;
            }
            AtomicReference<RuntimeException> databaseLost = new AtomicReference<>();
            List<Future<Outcome>> outcomes = new ArrayList<>(batch.size());
            for (OutboxMail mail : batch) {
                outcomes.add(connections.submit(() -> deliver(mail, claim, databaseLost)));
            }
            for (Future<Outcome> outcome : outcomes) {
                switch (await(outcome)) {
                    case SENT -> sent++;
                    case RETRYING, DEFERRED -> retrying++;
                    case FAILED -> failed++;
                }
            }
            if (databaseLost.get() != null) {
                giveBack(claim);
            }
        }
        return new Drained(sent, retrying, failed);
    }

    /**
     * The mails of a claim that were not sent, pending again for the next round (rather than after the lease); when
     * the database is still away this fails too, and they go when their lease lapses.
     */
    void giveBack(UUID claim) {
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("update OutboxMail m set m.status = :pending, "
                + "m.claimedBy = null, m.leaseUntil = null, m.attempts = m.attempts - 1 "
                + "where m.claimedBy = :claim and m.status = :sending")
                .setParameter("pending", Status.PENDING).setParameter("sending", Status.SENDING)
                .setParameter("claim", claim).executeUpdate());
    }

    /**
     * Takes up to {@code size} due mails for this claim: pending ones whose time has come, and ones whose earlier
     * claim lapsed. The update re-checks that condition row by row, so a mail another sender claimed meanwhile is
     * not taken.
     */
    List<OutboxMail> claim(UUID claim, int size) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now(clock);
            List<UUID> due = em.createQuery("select m.id from OutboxMail m where (m.status = :pending and "
                    + "m.nextAttemptAt <= :now) or (m.status = :sending and m.leaseUntil < :now) "
                    + "order by m.nextAttemptAt", UUID.class)
                    .setParameter("pending", Status.PENDING).setParameter("sending", Status.SENDING)
                    .setParameter("now", now).setMaxResults(size).getResultList();
            if (due.isEmpty()) {
                return List.of();
            }
            em.createQuery("update OutboxMail m set m.status = :sending, m.claimedBy = :claim, m.leaseUntil = :lease, "
                    + "m.attempts = m.attempts + 1 where m.id in :due and ((m.status = :pending and "
                    + "m.nextAttemptAt <= :now) or (m.status = :sending and m.leaseUntil < :now))")
                    .setParameter("pending", Status.PENDING).setParameter("sending", Status.SENDING)
                    .setParameter("claim", claim).setParameter("lease", now.plus(config.lease()))
                    .setParameter("now", now).setParameter("due", due).executeUpdate();
            return em.createQuery("from OutboxMail m where m.claimedBy = :claim and m.status = :sending "
                    + "order by m.nextAttemptAt", OutboxMail.class)
                    .setParameter("claim", claim).setParameter("sending", Status.SENDING).getResultList();
        });
    }

    /**
     * One SMTP transaction, then the mail's new state in its own database transaction. Once the database is found
     * away during a batch, the batch's mails not yet sent are not sent in this round.
     */
    Outcome deliver(OutboxMail mail, UUID claim, AtomicReference<RuntimeException> databaseLost) {
        if (databaseLost.get() != null) {
            return Outcome.DEFERRED;
        }
        try {
            try {
                send(mail);
            } catch (RuntimeException e) {
                return failed(mail, claim, e);
            }
            markSentWithinLease(mail, claim, databaseLost);
            return Outcome.SENT;
        } catch (RuntimeException e) {
            if (!DatabaseOutage.isCause(e)) {
                throw e;
            }
            databaseLost.compareAndSet(null, e);
            return Outcome.DEFERRED;
        }
    }

    /**
     * Marks a mail the server accepted. While the database is away this is tried again every second until the
     * claim's lease would lapse (or the service stops): a mail marked late is still sent once; after that it goes
     * again, with the same Message-ID.
     */
    private void markSentWithinLease(OutboxMail mail, UUID claim, AtomicReference<RuntimeException> databaseLost) {
        long giveUp = System.nanoTime() + config.lease().minusSeconds(5).toNanos();
        while (true) {
            try {
                markSent(mail.id, claim);
                return;
            } catch (RuntimeException e) {
                if (!DatabaseOutage.isCause(e) || stopping || System.nanoTime() > giveUp) {
                    throw e;
                }
                databaseLost.compareAndSet(null, e);
                pause(e);
                sleep(Duration.ofSeconds(1));
            }
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }

    void send(OutboxMail mail) {
        Mail m = Mail.withHtml(mail.recipient, mail.subject, mail.bodyHtml).setText(mail.bodyText)
                .addHeader("Message-ID", mail.messageId);
        if (mail.attachmentName != null) {
            m.addAttachment(mail.attachmentName, mail.attachmentContent.getBytes(StandardCharsets.UTF_8),
                    mail.attachmentType);
        }
        mailer.send(m);
    }

    void markSent(UUID id, UUID claim) {
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("update OutboxMail m set m.status = :sent, "
                + "m.sentAt = :now, m.leaseUntil = null, m.lastError = null where m.id = :id and m.claimedBy = :claim")
                .setParameter("sent", Status.SENT).setParameter("now", Instant.now(clock))
                .setParameter("id", id).setParameter("claim", claim).executeUpdate());
    }

    private Outcome failed(OutboxMail mail, UUID claim, RuntimeException e) {
        boolean forGood = refusedForGood(e) || mail.attempts >= config.maxAttempts();
        Instant now = Instant.now(clock);
        Status status = forGood ? Status.FAILED : Status.PENDING;
        Instant next = forGood ? now : now.plus(backoff(mail.attempts));
        String error = describe(e);
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("update OutboxMail m set m.status = :status, "
                + "m.nextAttemptAt = :next, m.lastError = :error, m.leaseUntil = null "
                + "where m.id = :id and m.claimedBy = :claim")
                .setParameter("status", status).setParameter("next", next)
                .setParameter("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                .setParameter("id", mail.id).setParameter("claim", claim).executeUpdate());
        // The server's words may echo the address: they go to the case, the log has only the kind of failure
        LOG.warnf("mail %s (case %s, %s to the %s) attempt %d failed (%s)%s", mail.id, mail.caseId, mail.milestone,
                mail.recipientKind, mail.attempts, kind(e), forGood ? "; given up" : "; next at " + next);
        return forGood ? Outcome.FAILED : Outcome.RETRYING;
    }

    /** The wait after the n-th failed attempt: the back-off, doubled for each further attempt, at most the cap. */
    Duration backoff(int attempts) {
        Duration wait = config.backoff().multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }

    /** A mailbox the server says does not exist or will not take mail, or an address that is not one. */
    static boolean refusedForGood(Throwable e) {
        SMTPException smtp = smtpAnswer(e);
        if (smtp != null) {
            int code = smtp.getReplyCode();
            return code == 550 || code == 551 || code == 553 || code == 501;
        }
        return Causes.find(e, IllegalArgumentException.class).isPresent();
    }

    /** What the server or the connection said: kept on the mail, for the coordinator. */
    private static String describe(Throwable e) {
        SMTPException smtp = smtpAnswer(e);
        if (smtp != null) {
            return "SMTP " + smtp.getReplyCode() + ": " + smtp.getReplyMessage();
        }
        Throwable root = Causes.root(e);
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** The kind of failure only, for the log: the server's words can echo the address. */
    private static String kind(Throwable e) {
        SMTPException smtp = smtpAnswer(e);
        return smtp != null ? "SMTP " + smtp.getReplyCode() : Causes.root(e).getClass().getSimpleName();
    }

    private static SMTPException smtpAnswer(Throwable e) {
        return Causes.find(e, SMTPException.class).orElse(null);
    }

    private static Outcome await(Future<Outcome> outcome) {
        try {
            return outcome.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending mail", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("sending mail failed unexpectedly", e.getCause());
        }
    }
}

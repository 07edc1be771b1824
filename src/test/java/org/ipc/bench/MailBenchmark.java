package org.ipc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipc.notify.MailConfig;
import org.ipc.notify.MailSender;
import org.ipc.notify.OutboxMail;
import org.ipc.testing.Portal;
import org.ipc.testing.SmtpResource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Benchmark, not a test (tag {@code benchmark}, outside {@code ./mvnw verify}): drains 10,000 queued mails from the
 * PostgreSQL outbox into the real SMTP server (GreenMail, in the same JVM) and reports mails per second and memory.
 * Run with {@code bench/mail.sh}; the figures go to target/bench/mail.txt.
 */
@QuarkusTest
@Tag("benchmark")
class MailBenchmark {

    private static final int MAILS = Integer.getInteger("bench.mails", 10_000);

    @Inject
    MailSender sender;

    @Inject
    MailConfig config;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void drainTenThousandMails() throws Exception {
        ClockUtil.reset();
        sender.drain();
        String caseId = Portal.submit("physician", "SECOND_OPINION",
                Map.of("email", "bench-" + UUID.randomUUID() + "@example.org"));
        UUID template = QuarkusTransaction.requiringNew().call(() -> OutboxMail.<OutboxMail>find(
                "caseId = ?1 and recipientKind = 'PATIENT'", UUID.fromString(caseId)).singleResult().id);
        seed(template);
        long due = QuarkusTransaction.requiringNew().call(() -> OutboxMail.count("status",
                OutboxMail.Status.PENDING));
        int before = SmtpResource.server().getReceivedMessages().length;
        long rssBefore = rssKiB();

        long start = System.nanoTime();
        MailSender.Drained drained = sender.drain();
        double seconds = (System.nanoTime() - start) / 1e9;

        int received = SmtpResource.server().getReceivedMessages().length - before;
        assertThat(due).isGreaterThan(MAILS);
        assertThat(drained.sent()).isEqualTo(due);
        assertThat(received).isEqualTo(due);
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        String report = String.format("""
                Mail benchmark: %,d queued mails drained from the PostgreSQL outbox into GreenMail (SMTP on loopback)
                sender: batch %d, %d connections; JVM: %d cores, max heap %d MiB

                | mails | seconds | mails/s | RSS before | RSS after | heap used after GC |
                | ---: | ---: | ---: | ---: | ---: | ---: |
                | %,d | %.1f | %.0f | %d MiB | %d MiB | %d MiB |

                RSS is the test JVM's: the service, PostgreSQL's client side, and GreenMail holding every mail it
                received (about %d KiB each).
                """, MAILS, config.batchSize(), config.concurrency(), runtime.availableProcessors(),
                runtime.maxMemory() >> 20, received, seconds, received / seconds, rssBefore >> 10, rssKiB() >> 10,
                (runtime.totalMemory() - runtime.freeMemory()) >> 20,
                QuarkusTransaction.requiringNew().call(() -> OutboxMail.<OutboxMail>findById(template))
                        .bodyHtml.length() * 2 / 1024);
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "mail.txt"), report);
        System.out.println(report);
    }

    /** Copies of one rendered mail, each with its own recipient, dedupe key and Message-ID, due now. */
    private void seed(UUID template) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("""
                        insert into mail_outbox (id, case_id, dedupe_key, milestone, recipient_kind, recipient,
                            language, subject, body_text, body_html, message_id, status, attempts, next_attempt_at,
                            created_at)
                        select gen_random_uuid(), case_id, dedupe_key || ':bench' || g, milestone, recipient_kind,
                            'bench-' || g || '@example.org', language, subject, body_text, body_html,
                            '<bench-' || gen_random_uuid() || '@hospital.example>', 'PENDING', 0, next_attempt_at,
                            created_at
                        from mail_outbox, generate_series(1, ?) g where id = ?""")) {
            insert.setInt(1, MAILS);
            insert.setObject(2, template);
            insert.executeUpdate();
        }
    }

    private static long rssKiB() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElseThrow();
    }
}

package org.ipc.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.ipc.cases.CaseStatus;
import org.ipc.workflow.FailedJobs;
import org.ipc.workitems.WorkItemQueries;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The office's gauges of DESIGN.md's operations contract: open and overdue tasks per queue, cases per status, mails
 * waiting or failed, engine incidents and due jobs. They are counted on a schedule ({@code ipc.metrics.refresh-every},
 * one grouped, indexed query each) and a scrape reads the last counts, so a scrape costs the same at 100,000 cases as
 * at ten. Every replica counts the same shared database: aggregate with max, not sum (docs/operations.md).
 */
@ApplicationScoped
public class OfficeMetrics {

    private static final Logger LOG = Logger.getLogger(OfficeMetrics.class);

    @Inject
    MeterRegistry registry;

    @Inject
    WorkItemQueries tasks;

    @Inject
    FailedJobs jobs;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    private final Map<String, AtomicLong> open = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> overdue = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> cases = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> mail = new ConcurrentHashMap<>();
    private final AtomicLong incidents = new AtomicLong();
    private final AtomicLong jobsDue = new AtomicLong();
    private final AtomicLong refreshMillis = new AtomicLong();

    void register(@Observes StartupEvent start) {
        for (CaseStatus status : CaseStatus.values()) {
            gauge(cases, "ipc.cases", "status", status.name(), "Cases per status");
        }
        for (String state : List.of("pending", "failed")) {
            gauge(mail, "ipc.mail.outbox", "state", state, "Mails waiting to be sent (pending) or refused for good (failed)");
        }
        Gauge.builder("ipc.engine.incidents", incidents, AtomicLong::get)
                .description("Engine jobs that failed for good (GET /api/admin/incidents)").strongReference(true)
                .register(registry);
        Gauge.builder("ipc.engine.jobs.due", jobsDue, AtomicLong::get)
                .description("Engine jobs due and not yet run").strongReference(true).register(registry);
        Gauge.builder("ipc.metrics.refresh.duration", refreshMillis, AtomicLong::get).baseUnit("milliseconds")
                .description("How long the last count of the office gauges took").strongReference(true)
                .register(registry);
    }

    @Scheduled(every = "${ipc.metrics.refresh-every}", delay = 5, delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        refresh();
    }

    /** Counts everything once, in one read-only transaction. */
    public void refresh() {
        long started = System.nanoTime();
        Instant now = Instant.now(clock);
        QuarkusTransaction.requiringNew().run(() -> {
            Map<String, Long> openCounts = tasks.openByQueue(null);
            set(open, "ipc.tasks.open", "Open tasks per queue (candidate group, or assigned)", openCounts);
            // every queue with open tasks has an overdue series too, at 0 when none is late (alerts need the series)
            Map<String, Long> overdueCounts = new java.util.HashMap<>();
            openCounts.keySet().forEach(queue -> overdueCounts.put(queue, 0L));
            overdueCounts.putAll(tasks.openByQueue(now));
            set(overdue, "ipc.tasks.overdue", "Open tasks past their business-time due date, per queue", overdueCounts);
            set(cases, "ipc.cases", "Cases per status", grouped("select status, count(*) from patient_case group by status"));
            Map<String, Long> outbox = grouped("select case when status = 'FAILED' then 'failed' else 'pending' end,"
                    + " count(*) from mail_outbox where status in ('PENDING', 'SENDING', 'FAILED')"
                    + " group by case when status = 'FAILED' then 'failed' else 'pending' end");
            set(mail, "ipc.mail.outbox", "Mails waiting to be sent (pending) or refused for good (failed)", outbox);
            incidents.set(jobs.count());
            jobsDue.set(jobs.dueCount());
        });
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        refreshMillis.set(millis);
        LOG.debugf("office metrics counted in %d ms", millis);
    }

    /** Sets each label's gauge to its count; labels seen before and absent now read 0. */
    private void set(Map<String, AtomicLong> gauges, String name, String description, Map<String, Long> counts) {
        gauges.forEach((label, value) -> value.set(counts.getOrDefault(label, 0L)));
        counts.forEach((label, count) -> gauge(gauges, name, tagOf(name), label, description).set(count));
    }

    private static String tagOf(String name) {
        return switch (name) {
            case "ipc.tasks.open", "ipc.tasks.overdue" -> "queue";
            case "ipc.cases" -> "status";
            default -> "state";
        };
    }

    private AtomicLong gauge(Map<String, AtomicLong> gauges, String name, String tag, String label, String description) {
        return gauges.computeIfAbsent(label, l -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get).description(description).tags(Tags.of(tag, l))
                    .strongReference(true).register(registry);
            return value;
        });
    }

    private Map<String, Long> grouped(String sql) {
        Map<String, Long> counts = new java.util.HashMap<>();
        for (Object row : em.createNativeQuery(sql).getResultList()) {
            Object[] r = (Object[]) row;
            counts.put((String) r[0], ((Number) r[1]).longValue());
        }
        return counts;
    }
}

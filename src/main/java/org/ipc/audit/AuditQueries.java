package org.ipc.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ipc.common.Page;

import io.quarkus.panache.common.Sort;

/** Reads the audit trail for admins; reading it is itself audited. */
@ApplicationScoped
public class AuditQueries {

    @Inject
    AuditTrail trail;

    @Transactional
    public Page<AuditEntry> find(UUID caseId, String actor, Instant from, Instant to, int pageIndex, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (caseId != null) {
            where.add("caseId = :caseId");
            params.put("caseId", caseId);
        }
        if (actor != null) {
            where.add("actor = :actor");
            params.put("actor", actor);
        }
        if (from != null) {
            where.add("occurredAt >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.add("occurredAt < :to");
            params.put("to", to);
        }
        String query = String.join(" and ", where);
        var found = where.isEmpty() ? AuditEvent.<AuditEvent>findAll(Sort.descending("occurredAt", "id"))
                : AuditEvent.<AuditEvent>find(query, Sort.descending("occurredAt", "id"), params);
        List<AuditEntry> items = found.page(pageIndex, size).list().stream().map(AuditEntry::of).toList();
        Page<AuditEntry> page = new Page<>(items, found.count());
        trail.record(AuditAction.AUDIT_READ, caseId, actor == null ? null : "actor " + actor);
        return page;
    }
}

package org.ipc.audit;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An audit row as admins read it. */
@Schema(name = "AuditEntry")
public record AuditEntry(UUID id, Instant at, String actor, String roles, AuditAction action, UUID caseId,
        String target, String requestId, String clientAddress) {

    static AuditEntry of(AuditEvent e) {
        return new AuditEntry(e.id, e.occurredAt, e.actor, e.roles, e.action, e.caseId, e.target, e.requestId,
                e.clientAddress);
    }
}

package org.ipc.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.ipc.security.ClientAddresses;
import org.ipc.security.RequestIds;
import org.ipc.security.CurrentUser;

import io.vertx.ext.web.RoutingContext;

/**
 * The one place that writes the audit trail: who (subject and roles), what, which case, when, the request id and
 * the client's address, in the transaction of the access itself, so the record exists exactly when the access did.
 * One row per case per transaction: the action the caller asked for (a case view that also lists the case's
 * documents is one {@code CASE_READ}).
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    CurrentUser user;

    @Inject
    RequestIds requests;

    @Inject
    ClientAddresses addresses;

    @Inject
    Clock clock;

    @Inject
    TransactionSynchronizationRegistry transaction;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditAction action, UUID caseId) {
        record(action, caseId, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditAction action, UUID caseId, String target) {
        String once = "ipc.audit:" + (caseId == null ? action.name() : caseId.toString());
        if (transaction.getResource(once) != null) {
            return;
        }
        transaction.putResource(once, Boolean.TRUE);
        RoutingContext request = requests.current();
        AuditEvent event = new AuditEvent();
        event.id = UUID.randomUUID();
        event.occurredAt = Instant.now(clock);
        event.actor = user.id();
        event.roles = String.join(",", user.roles());
        event.action = action;
        event.caseId = caseId;
        event.target = target;
        event.requestId = request == null ? "none" : RequestIds.of(request);
        event.clientAddress = request == null ? null : addresses.of(request.request());
        event.persist();
    }
}

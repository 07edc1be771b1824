package org.ipc.messages;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;

import org.ipc.common.Page;
import org.ipc.access.CaseAction;
import org.ipc.access.CasePart;
import org.ipc.audit.AuditAction;
import org.ipc.audit.AuditTrail;
import org.ipc.cases.CaseAccess;
import org.ipc.cases.PatientCase;
import org.ipc.security.CurrentUser;
import org.ipc.security.Roles;

/**
 * The conversation on a case between its referring physician and the Center, oldest first. Every message is checked
 * here ({@link NewMessage}'s constraints), whichever door it came through: the API or the inbox page.
 */
@ApplicationScoped
public class MessageService {

    @Inject
    CaseAccess access;

    @Inject
    AuditTrail audit;

    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    @Inject
    Event<PhysicianWrote> physicianWrote;

    @Transactional
    public MessageView postAsPhysician(UUID caseId, @Valid NewMessage message) {
        PatientCase c = access.ownCase(caseId);
        audit.record(AuditAction.MESSAGE_SENT, c.id);
        MessageView posted = post(c, message, Roles.PHYSICIAN);
        physicianWrote.fire(new PhysicianWrote(c.id, c.reference, c.owner, posted.id()));
        return posted;
    }

    @Transactional
    public Page<MessageView> listForPhysician(UUID caseId) {
        PatientCase c = access.ownCase(caseId);
        audit.record(AuditAction.MESSAGES_LISTED, c.id);
        return list(c);
    }

    @Transactional
    public MessageView postAsStaff(UUID caseId, @Valid NewMessage message) {
        String role = user.taskGroups().stream().filter(Roles.TASK_GROUPS::contains).findFirst().orElse("staff");
        PatientCase c = access.staffCase(caseId, CaseAction.SEND_MESSAGE);
        audit.record(AuditAction.MESSAGE_SENT, c.id);
        return post(c, message, role);
    }

    @Transactional
    public Page<MessageView> listForStaff(UUID caseId) {
        PatientCase c = access.staffCase(caseId, CasePart.MESSAGES);
        audit.record(AuditAction.MESSAGES_LISTED, c.id);
        return list(c);
    }

    private MessageView post(PatientCase c, NewMessage message, String role) {
        CaseMessage m = new CaseMessage();
        m.id = UUID.randomUUID();
        m.caseId = c.id;
        m.authorId = user.id();
        m.authorName = user.displayName();
        m.authorRole = role;
        m.body = message.body().strip();
        m.createdAt = Instant.now(clock);
        m.position = (int) CaseMessage.count("caseId", c.id) + 1;
        m.persist();
        return MessageView.of(m);
    }

    private static Page<MessageView> list(PatientCase c) {
        List<MessageView> all = CaseMessage.of(c.id).stream().map(MessageView::of).toList();
        return new Page<>(all, all.size());
    }
}

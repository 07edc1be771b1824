package org.ipc.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.ipc.messages.PhysicianWrote;
import org.ipc.officehours.BusinessClock;
import org.ipc.staff.Absences;
import org.ipc.staff.StaffDirectory;
import org.ipc.workitems.TaskAssigned;

/**
 * The e-mail notices staff may choose (none by default): a task someone else gave them, and a physician writing on a
 * case they own (or cover for its owner while the owner is away). Queued in the outbox in the transaction of the
 * change, with the case's reference and the step only.
 */
@ApplicationScoped
public class StaffNotices {

    @Inject
    StaffDirectory directory;

    @Inject
    Absences absences;

    @Inject
    MailOutbox outbox;

    @Inject
    MailRenderer renderer;

    @Inject
    BusinessClock office;

    void taskAssigned(@Observes TaskAssigned event) {
        if (event.assignee() == null || event.assignee().equals(event.by()) || event.caseId() == null) {
            return;
        }
        directory.wantsTaskAssignedNotice(event.assignee()).ifPresent(to -> outbox.enqueueStaff(event.caseId(),
                Milestone.TASK_ASSIGNED, to.email(), renderer.renderStaff(Milestone.TASK_ASSIGNED,
                        event.caseReference(), event.taskName(), to.name(),
                        renderer.inboxLink("/tasks/" + event.taskId()))));
    }

    void physicianWrote(@Observes PhysicianWrote event) {
        if (event.caseOwner() == null) {
            return;
        }
        String contact = absences.coverFor(event.caseOwner(), office.now()).orElse(event.caseOwner());
        directory.wantsPhysicianMessageNotice(contact).ifPresent(to -> outbox.enqueueStaff(event.caseId(),
                Milestone.PHYSICIAN_MESSAGE, to.email(), renderer.renderStaff(Milestone.PHYSICIAN_MESSAGE,
                        event.caseReference(), "message from the referring physician", to.name(),
                        renderer.inboxLink("/cases/" + event.caseId() + "#messages"))));
    }
}

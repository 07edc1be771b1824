package org.ipc.cases;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.ipc.access.AccessPolicy;
import org.ipc.access.CaseAction;
import org.ipc.access.CasePart;
import org.ipc.access.Reach;
import org.ipc.common.ConflictException;
import org.ipc.common.NotAllowedException;
import org.ipc.common.NotFoundException;
import org.ipc.physicians.PhysicianDirectory;
import org.ipc.security.CurrentUser;

/**
 * The one place that decides whether the caller may reach a case, asking {@link AccessPolicy}: a referring physician
 * reaches only the cases they submitted, hospital staff the cases their roles reach (coordinators and supervisors
 * every case, a specialist those their department has or had a task on, finance those with a finance task). Any case
 * out of reach, or missing, answers the same 404; a part of a reached case that the caller's roles do not see, or an
 * action they may not take, answers 403. Services ask here with the part they show or the action they take, so the
 * API and the pages answer alike.
 */
@ApplicationScoped
public class CaseAccess {

    @Inject
    PhysicianDirectory physicians;

    @Inject
    CurrentUser user;

    @Inject
    CaseTaskGroups taskGroups;

    /** The calling physician's own case. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PatientCase ownCase(UUID caseId) {
        return physicians.currentIfKnown().flatMap(physician -> PatientCase.findOwnedBy(caseId, physician))
                .orElseThrow(() -> new NotFoundException("Case"));
    }

    /** What the calling physician may do with a case of their own. */
    public Reach ownerReach() {
        return AccessPolicy.reach(caller(), new AccessPolicy.CaseFacts(true, Set::of));
    }

    /** A case the calling staff member reaches, for showing {@code part} of it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PatientCase staffCase(UUID caseId, CasePart part) {
        PatientCase c = reachedCase(caseId);
        require(reach(c), part);
        return c;
    }

    /** A case the calling staff member reaches, for taking {@code action} on it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PatientCase staffCase(UUID caseId, CaseAction action) {
        PatientCase c = reachedCase(caseId);
        require(reach(c), action);
        return c;
    }

    /** A case the calling staff member reaches at all (whatever part): for views that show what the reach allows. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PatientCase reachedCase(UUID caseId) {
        PatientCase c = PatientCase.<PatientCase>findByIdOptional(caseId).orElseThrow(() -> new NotFoundException("Case"));
        if (!reach(c).any()) {
            throw new NotFoundException("Case");
        }
        return c;
    }

    /** What the caller may do with this case (nothing when it is out of their reach). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Reach reach(PatientCase c) {
        boolean submitted = c.physician != null && c.physician.subject != null && c.physician.subject.equals(user.id());
        return AccessPolicy.reach(caller(), new AccessPolicy.CaseFacts(submitted, () -> taskGroups.of(c.id)));
    }

    /**
     * A staff case that has not ended, locked for the rest of the transaction, for {@code action}: where a change to
     * its paperwork starts, so that two changes of one case are decided one after the other. An ended case answers
     * 409, "The case is withdrawn; " followed by {@code refusal} (for example "it takes no payment").
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PatientCase openStaffCaseForChange(UUID caseId, CaseAction action, String refusal) {
        PatientCase c = staffCase(caseId, action);
        PatientCase.getEntityManager().lock(c, LockModeType.PESSIMISTIC_WRITE);
        if (c.status.hasEnded()) {
            throw new ConflictException("The case is " + c.status.name().toLowerCase() + "; " + refusal);
        }
        return c;
    }

    private static void require(Reach reach, CasePart part) {
        if (!reach.sees(part)) {
            throw new NotAllowedException("Your role does not see this case's " + words(part));
        }
    }

    private static void require(Reach reach, CaseAction action) {
        if (!reach.may(action)) {
            throw new NotAllowedException("Your role may not " + words(action) + " on this case");
        }
    }

    private AccessPolicy.Caller caller() {
        return new AccessPolicy.Caller(new HashSet<>(user.roles()), new HashSet<>(user.taskGroups()));
    }

    private static String words(Enum<?> value) {
        return switch (value.name()) {
            case "CLINICAL" -> "clinical summary and records";
            case "MAIL_LOG" -> "mail";
            case "UPLOAD_DOCUMENT" -> "add documents";
            case "RECORD_PAYMENT" -> "record payments";
            default -> value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }
}

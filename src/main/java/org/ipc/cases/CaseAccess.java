package org.ipc.cases;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.ipc.common.ConflictException;
import org.ipc.common.NotFoundException;
import org.ipc.physicians.PhysicianDirectory;

/**
 * The one place that decides whether the caller may reach a case: a referring physician reaches only the cases
 * they submitted, and any other case, theirs or missing, answers the same 404.
 */
@ApplicationScoped
public class CaseAccess {

    @Inject
    PhysicianDirectory physicians;

    /** The calling physician's own case. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PatientCase ownCase(UUID caseId) {
        return physicians.currentIfKnown().flatMap(physician -> PatientCase.findOwnedBy(caseId, physician))
                .orElseThrow(() -> new NotFoundException("Case"));
    }

    /** Any case, for hospital staff (their roles are checked by the resource). */
    @Transactional(Transactional.TxType.MANDATORY)
    public PatientCase staffCase(UUID caseId) {
        return PatientCase.<PatientCase>findByIdOptional(caseId).orElseThrow(() -> new NotFoundException("Case"));
    }

    /**
     * A staff case that has not ended, locked for the rest of the transaction: where a change to its paperwork starts,
     * so that two changes of one case are decided one after the other. An ended case answers 409, "The case is
     * withdrawn; " followed by {@code refusal} (for example "it takes no payment").
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PatientCase openStaffCaseForChange(UUID caseId, String refusal) {
        PatientCase c = staffCase(caseId);
        PatientCase.getEntityManager().lock(c, LockModeType.PESSIMISTIC_WRITE);
        if (c.status.hasEnded()) {
            throw new ConflictException("The case is " + c.status.name().toLowerCase() + "; " + refusal);
        }
        return c;
    }
}

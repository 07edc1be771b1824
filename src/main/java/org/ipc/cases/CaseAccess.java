package org.ipc.cases;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

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
}

package org.ipc.portal;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ipc.cases.CaseService;
import org.ipc.workflow.ProcessMessages;

/** A physician withdraws their own case: the process hears it and the physician sees the case as it now stands, in one transaction. */
@ApplicationScoped
public class Withdrawals {

    @Inject
    ProcessMessages process;

    @Inject
    CaseService cases;

    @Transactional
    public PortalCaseView withdraw(UUID caseId) {
        process.withdrawForCurrentPhysician(caseId);
        return PortalCaseView.of(cases.viewForCurrentPhysician(caseId));
    }
}

package org.ipc.testing;

import org.ipc.cases.CaseStatusChange;
import org.ipc.cases.PatientCase;
import org.ipc.patients.Patient;
import org.ipc.physicians.ReferringPhysician;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Counts of our business rows, to prove a failed request stored nothing. */
public record Rows(long cases, long patients, long statusChanges, long physicians) {

    public static Rows count() {
        return QuarkusTransaction.requiringNew().call(() -> new Rows(PatientCase.count(), Patient.count(),
                CaseStatusChange.count(), ReferringPhysician.count()));
    }
}

package org.ipc.cases;

import java.util.List;

/**
 * A case as its referring physician follows it: the case (its patient loaded), its status history, oldest first, and
 * the Center's acknowledgement. What the portal shows of it is the portal's to choose.
 */
public record PhysicianCase(PatientCase c, List<CaseStatusChange> history, Acknowledgement acknowledgement) {
}

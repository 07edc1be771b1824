package org.ipc.cases;

/** What the patient asks for; each type runs its own BPMN process. */
public enum CaseType {
    SECOND_OPINION("second-opinion"),
    TREATMENT("treatment-visit");

    private final String processKey;

    CaseType(String processKey) {
        this.processKey = processKey;
    }

    /** The BPMN process id in {@code bpmn/<processKey>.bpmn}. */
    public String processKey() {
        return processKey;
    }
}

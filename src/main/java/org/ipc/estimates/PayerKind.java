package org.ipc.estimates;

/** Who pays for the visit. */
public enum PayerKind {
    /** The patient or their family. */
    SELF_PAY,
    /** A health insurer, under a policy or claim. */
    INSURER,
    /** A government's guarantee letter (a ministry of health, a social security fund). */
    GOVERNMENT,
    /** An embassy's or consulate's guarantee letter (a medical attaché's office). */
    EMBASSY;

    /** Insurers and guarantors are named, with the policy, claim or guarantee letter's reference. */
    public boolean needsGuarantor() {
        return this != SELF_PAY;
    }
}

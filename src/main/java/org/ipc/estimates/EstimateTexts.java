package org.ipc.estimates;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the estimate PDF. English here; the patients' languages in
 * {@code src/main/resources/messages/estimate_<language>.properties}. Money, dates and the names of payers come from
 * the estimate; nothing clinical is written on it.
 */
@MessageBundle(value = "estimate", locale = "en")
public interface EstimateTexts {

    @Message("Cost estimate")
    String title();

    @Message("Reference")
    String reference();

    @Message("Revision")
    String revision();

    @Message("Revision {revision}, replaces revision {previous}")
    String revisionReplaces(int revision, int previous);

    @Message("Issued on")
    String issuedOn();

    @Message("Valid until")
    String validUntil();

    @Message("Patient")
    String patient();

    @Message("Date of birth")
    String birthDate();

    @Message("Planned admission")
    String plannedAdmission();

    @Message("Payer")
    String payer();

    @Message("Self-pay")
    String selfPay();

    @Message("Insurer")
    String insurer();

    @Message("Policy or claim reference")
    String policyReference();

    @Message("Government guarantee")
    String governmentGuarantee();

    @Message("Embassy guarantee")
    String embassyGuarantee();

    @Message("Guarantee letter reference")
    String guaranteeReference();

    @Message("Service")
    String service();

    @Message("Amount")
    String amount();

    @Message("Estimated total")
    String total();

    @Message("Deposit required")
    String depositRequired();

    @Message("{percent}% of the estimated total")
    String depositShare(String percent);

    @Message("Deposit due by")
    String depositDue();

    @Message("Amounts in {currency}.")
    String currencyNote(String currency);

    @Message("This is an estimate of the cost of the planned care, based on what we know today; the final bill may differ. The deposit confirms the visit; your coordinator will tell you how to pay.")
    String disclaimer();

    @Message("Questions about this estimate:")
    String questions();
}

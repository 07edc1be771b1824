package org.ipc.estimates;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ipc.access.CaseAction;
import org.ipc.access.CasePart;
import org.ipc.common.FieldError;
import org.ipc.common.PlainText;
import org.ipc.common.ConflictException;
import org.ipc.common.InvalidInputException;
import org.ipc.common.NotFoundException;
import org.ipc.audit.AuditAction;
import org.ipc.audit.AuditTrail;
import org.ipc.cases.CaseAccess;
import org.ipc.cases.PatientCase;
import org.ipc.money.Money;
import org.ipc.money.MoneyInput;
import org.ipc.officehours.BusinessClock;
import org.ipc.security.CurrentUser;
import org.jboss.logging.Logger;

/**
 * The deposit's ledger: finance records each payment as it arrived; partial payments add up in the current
 * estimate's currency; a payment in another currency counts only with the exchange rate used, whose result is
 * rounded half up to the estimate currency's minor unit and kept beside the rate.
 */
@ApplicationScoped
public class DepositService {

    private static final Logger LOG = Logger.getLogger(DepositService.class);

    /** A rate written with more digits than this is a paste error, not a bank's rate. */
    private static final int RATE_MAX_DECIMALS = 10;

    @Inject
    CaseAccess access;

    @Inject
    AuditTrail audit;

    @Inject
    CurrentUser user;

    @Inject
    BusinessClock office;

    @Inject
    Clock clock;

    @Inject
    Event<PaperworkEvents.DepositMet> depositMet;

    @Transactional
    public DepositView record(UUID caseId, PaymentRequest request) {
        if (request == null) {
            throw InvalidInputException.field("body", "send the payment as a JSON object");
        }
        PatientCase c = access.openStaffCaseForChange(caseId, CaseAction.RECORD_PAYMENT, "it takes no payment");
        Estimate estimate = Estimate.currentOf(c.id).orElseThrow(() -> new ConflictException(
                "The case has no cost estimate yet; a payment is counted against the estimate's deposit"));
        List<FieldError> errors = new ArrayList<>();
        Currency counted = estimate.currency();
        Optional<Currency> currency = MoneyInput.currency("currency", request.currency(), errors);
        Optional<Money> amount = MoneyInput.positive("amount", request.amount(), currency.orElse(null), errors);
        boolean foreign = currency.isPresent() && !currency.get().equals(counted);
        BigDecimal rate = request.exchangeRate();
        if (foreign && rate == null) {
            errors.add(new FieldError("currency", currency.get().getCurrencyCode() + " is not the estimate's "
                    + "currency, " + counted.getCurrencyCode() + ": record the exchangeRate used with the payment ("
                    + counted.getCurrencyCode() + " per 1 " + currency.get().getCurrencyCode() + ")"));
        } else if (!foreign && rate != null && currency.isPresent()) {
            errors.add(new FieldError("exchangeRate", "only for a payment in another currency than the "
                    + "estimate's " + counted.getCurrencyCode()));
        } else if (rate != null && (rate.signum() <= 0 || rate.stripTrailingZeros().scale() > RATE_MAX_DECIMALS
                || rate.precision() - rate.scale() > 12)) {
            errors.add(new FieldError("exchangeRate", "must be a positive number with at most "
                    + RATE_MAX_DECIMALS + " decimal places"));
        }
        LocalDate today = office.now().atZone(office.zone()).toLocalDate();
        if (request.receivedOn() == null) {
            errors.add(new FieldError("receivedOn", "is required (YYYY-MM-DD)"));
        } else if (request.receivedOn().isAfter(today)) {
            errors.add(new FieldError("receivedOn", "cannot be in the future"));
        }
        String reference = request.reference() == null ? null : request.reference().strip();
        if (reference == null || reference.isEmpty()) {
            errors.add(new FieldError("reference", "is required: the bank's or processor's reference"));
        } else if (reference.length() > 100 || !PlainText.isOneLine(reference)) {
            errors.add(new FieldError("reference", "must be one line of at most 100 characters, without line breaks, "
                    + "tabs or other control characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (Payment.exists(c.id, reference)) {
            throw new ConflictException("A payment with reference " + reference + " is already recorded for this case");
        }
        boolean metBefore = received(estimate, Payment.of(c.id)).compareTo(estimate.deposit()) >= 0;
        Payment p = new Payment();
        p.id = UUID.randomUUID();
        p.caseId = c.id;
        p.currency = currency.get().getCurrencyCode();
        p.amountMinor = amount.get().minorUnits();
        p.receivedOn = request.receivedOn();
        p.reference = reference;
        p.countedCurrency = counted.getCurrencyCode();
        if (foreign) {
            p.exchangeRate = rate.stripTrailingZeros();
            p.countedMinor = Money.rounded(amount.get().amount().multiply(rate), counted).minorUnits();
        } else {
            p.countedMinor = p.amountMinor;
        }
        p.recordedBy = user.id();
        p.recordedAt = Instant.now(clock);
        p.position = (int) Payment.count("caseId", c.id) + 1;
        p.persist();
        audit.record(AuditAction.PAYMENT_RECORDED, c.id, "payment " + p.id);
        LOG.infof("Payment %s recorded for case %s%s", p.id, c.id, foreign ? " at a recorded exchange rate" : "");
        DepositView standing = view(estimate, Payment.of(c.id));
        if (standing.met() && !metBefore) {
            // the process goes on only now, in this transaction: a failure there takes the payment back too
            depositMet.fire(new PaperworkEvents.DepositMet(c.id, estimate.revision, user.id()));
        }
        return standing;
    }

    @Transactional
    public DepositView status(UUID caseId) {
        PatientCase c = access.staffCase(caseId, CasePart.MONEY);
        Estimate estimate = Estimate.currentOf(c.id).orElseThrow(() -> new NotFoundException("Estimate"));
        audit.record(AuditAction.PAYMENTS_READ, c.id);
        return view(estimate, Payment.of(c.id));
    }

    /** What the process asks before it goes on: is the current estimate's deposit received in full? */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean isDepositMet(UUID caseId) {
        return Estimate.currentOf(caseId).map(e -> received(e, Payment.of(caseId)).compareTo(e.deposit()) >= 0)
                .orElse(false);
    }

    /** Where the deposit stands, for the visa letter and the case views. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<DepositView> standing(UUID caseId) {
        return Estimate.currentOf(caseId).map(e -> view(e, Payment.of(caseId)));
    }

    /**
     * The current estimate in brief with the deposit's balance, for the referring physician of the case (their own
     * case only; audited as a read of the estimate).
     */
    @Transactional
    public Optional<DepositSummary> summaryForPhysician(UUID caseId) {
        PatientCase c = access.ownCase(caseId);
        Optional<Estimate> current = Estimate.currentOf(c.id);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Estimate e = current.get();
        DepositView d = view(e, Payment.of(c.id));
        audit.record(AuditAction.ESTIMATES_READ, c.id, "physician's summary");
        return Optional.of(new DepositSummary(e.revision, e.currency, d.estimatedTotal(), d.required(),
                d.received(), d.balance(), d.met(), d.due(), e.plannedAdmission, e.validUntil));
    }

    private static Money received(Estimate e, List<Payment> payments) {
        Money sum = Money.zero(e.currency());
        for (Payment p : payments) {
            sum = sum.plus(p.counted());
        }
        return sum;
    }

    private static DepositView view(Estimate e, List<Payment> payments) {
        Money received = received(e, payments);
        Money required = e.deposit();
        Money balance = required.compareTo(received) > 0 ? required.minus(received) : Money.zero(e.currency());
        Money outstanding = e.total().compareTo(received) > 0 ? e.total().minus(received) : Money.zero(e.currency());
        return new DepositView(e.revision, e.currency, required.plain(), received.plain(), balance.plain(),
                received.compareTo(required) >= 0, e.depositDueAt, e.total().plain(), outstanding.plain(),
                payments.stream().map(DepositView.PaymentView::of).toList());
    }
}

package org.ipc.estimates;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ipc.access.CaseAction;
import org.ipc.access.CasePart;
import org.ipc.common.Page;
import org.ipc.common.FieldError;
import org.ipc.common.PlainText;
import org.ipc.common.ConflictException;
import org.ipc.common.InvalidInputException;
import org.ipc.common.NotFoundException;
import org.ipc.audit.AuditAction;
import org.ipc.audit.AuditTrail;
import org.ipc.cases.CaseAccess;
import org.ipc.cases.PatientCase;
import org.ipc.documents.Document;
import org.ipc.documents.DocumentKind;
import org.ipc.documents.DocumentService;
import org.ipc.money.Money;
import org.ipc.money.MoneyInput;
import org.ipc.officehours.BusinessClock;
import org.ipc.officehours.BusinessDuration;
import org.ipc.patients.PatientLanguage;
import org.ipc.security.CurrentUser;
import org.jboss.logging.Logger;

/**
 * Finance's estimates: checked in one pass (every bad field named), numbered revisions that supersede and keep the
 * one before, the deposit's amount and due date on the one business clock, and the PDF in the patient's language
 * stored with the case's documents, all in one transaction.
 */
@ApplicationScoped
public class EstimateService {

    private static final Logger LOG = Logger.getLogger(EstimateService.class);

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Inject
    CaseAccess access;

    @Inject
    AuditTrail audit;

    @Inject
    CurrentUser user;

    @Inject
    BusinessClock office;

    @Inject
    EstimatesConfig config;

    @Inject
    EstimatePdf pdf;

    @Inject
    DocumentService documents;

    @Inject
    Clock clock;

    @Inject
    Event<PaperworkEvents.EstimateIssued> issued;

    /** Finance issues an estimate, or a revision of the current one. */
    @Transactional
    public EstimateView issue(UUID caseId, EstimateRequest request) {
        if (request == null) {
            throw InvalidInputException.field("body", "send the estimate as a JSON object");
        }
        // one revision at a time per case: the next number and the superseding are decided under the case's lock
        PatientCase c = access.openStaffCaseForChange(caseId, CaseAction.ISSUE_ESTIMATE, "it takes no estimate");
        Optional<Estimate> previous = Estimate.currentOf(c.id);
        Checked checked = check(request, Payment.countedCurrencyOf(c.id));
        if (request.revises() != null && previous.map(p -> p.revision).orElse(0) != request.revises()) {
            throw new ConflictException("revises: the current estimate is revision "
                    + previous.map(p -> String.valueOf(p.revision)).orElse("none") + ", not " + request.revises()
                    + "; reload and revise the current one");
        }
        Instant now = Instant.now(clock);
        Estimate e = new Estimate();
        e.id = UUID.randomUUID();
        e.caseId = c.id;
        e.revision = previous.map(p -> p.revision + 1).orElse(1);
        e.currency = checked.currency().getCurrencyCode();
        checked.items().forEach(e.items::add);
        e.totalMinor = checked.total().minorUnits();
        e.payerKind = checked.payer();
        e.payerName = checked.payer().needsGuarantor() ? request.payer().name().strip() : null;
        e.payerReference = checked.payer().needsGuarantor() ? request.payer().reference().strip() : null;
        e.depositSharePercent = checked.percent();
        e.depositMinor = checked.deposit().minorUnits();
        e.plannedAdmission = request.plannedAdmission();
        e.depositDueAt = office.before(request.plannedAdmission(),
                BusinessDuration.parse(config.depositDueBeforeAdmission()));
        e.validUntil = request.validUntil();
        e.language = PatientLanguage.of(c.patient.preferredLanguage);
        e.issuedBy = user.id();
        e.issuedAt = now;
        previous.ifPresent(p -> p.supersededAt = now);
        audit.record(AuditAction.ESTIMATE_ISSUED, c.id, "revision " + e.revision);
        // the superseded row is written first: only one estimate of a case is ever current
        PatientCase.getEntityManager().flush();
        e.persist();
        byte[] paper = pdf.render(c, e, previous.orElse(null));
        Document d = documents.storeGenerated(c.id, DocumentKind.COST_ESTIMATE,
                "estimate-" + c.reference + "-r" + e.revision + ".pdf", "application/pdf", paper, e.language, false);
        e.documentId = d.id;
        LOG.infof("Estimate revision %d issued for case %s (%d items, document %s)", e.revision, c.id, e.items.size(), d.id);
        boolean met = Payment.of(c.id).stream().map(Payment::counted).reduce(Money.zero(e.currency()), Money::plus)
                .compareTo(e.deposit()) >= 0;
        issued.fire(new PaperworkEvents.EstimateIssued(c.id, e.revision, e.plannedAdmission,
                previous.map(p -> p.plannedAdmission).orElse(null), e.depositDueAt, met, user.id()));
        return EstimateView.of(e);
    }

    /** Every revision of the case's estimate, newest first. */
    @Transactional
    public Page<EstimateView> list(UUID caseId) {
        PatientCase c = access.staffCase(caseId, CasePart.MONEY);
        List<EstimateView> all = Estimate.revisionsOf(c.id).stream().map(EstimateView::of).toList();
        audit.record(AuditAction.ESTIMATES_READ, c.id);
        return new Page<>(all, all.size());
    }

    @Transactional
    public EstimateView revision(UUID caseId, int revision) {
        PatientCase c = access.staffCase(caseId, CasePart.MONEY);
        Estimate e = Estimate.revision(c.id, revision).orElseThrow(() -> new NotFoundException("Estimate"));
        audit.record(AuditAction.ESTIMATES_READ, c.id, "revision " + revision);
        return EstimateView.of(e);
    }

    /** The estimate now in force, for the deposit, the visa letter and the process. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Estimate> current(UUID caseId) {
        return Estimate.currentOf(caseId);
    }

    /** What the checks made of a request. */
    private record Checked(Currency currency, List<EstimateItem> items, Money total, PayerKind payer, Money deposit,
            BigDecimal percent) {
    }

    private Checked check(EstimateRequest r, Optional<String> paidIn) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Currency> currency = MoneyInput.currency("currency", r.currency(), errors);
        if (currency.isPresent() && paidIn.isPresent() && !paidIn.get().equals(currency.get().getCurrencyCode())) {
            errors.add(new FieldError("currency", "payments were counted in " + paidIn.get()
                    + "; a revision keeps that currency"));
        }
        List<EstimateItem> items = new ArrayList<>();
        Money total = currency.map(Money::zero).orElse(null);
        if (r.items() == null || r.items().isEmpty()) {
            errors.add(new FieldError("items", "list at least one service with its amount"));
        } else if (r.items().size() > config.maxItems()) {
            errors.add(new FieldError("items", "at most " + config.maxItems() + " items"));
        } else {
            for (int i = 0; i < r.items().size(); i++) {
                EstimateRequest.Item item = r.items().get(i);
                String field = "items[" + i + "]";
                if (item == null) {
                    errors.add(new FieldError(field, "must be an object with description and amount"));
                    continue;
                }
                text(field + ".description", item.description(), 300, errors);
                Optional<Money> amount = MoneyInput.positive(field + ".amount", item.amount(), currency.orElse(null),
                        errors);
                if (amount.isPresent() && total != null && item.description() != null) {
                    items.add(new EstimateItem(item.description().strip(), amount.get().minorUnits()));
                    total = total.plus(amount.get());
                }
            }
        }
        boolean itemsChecked = errors.isEmpty();
        PayerKind payer = payer(r.payer(), errors);
        Money deposit = null;
        BigDecimal percent = null;
        if (r.deposit() == null || (r.deposit().amount() == null) == (r.deposit().percent() == null)) {
            errors.add(new FieldError("deposit", "give exactly one of amount and percent"));
        } else if (r.deposit().percent() != null) {
            percent = r.deposit().percent();
            if (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0) {
                errors.add(new FieldError("deposit.percent", "must be more than 0 and at most 100"));
            } else if (percent.stripTrailingZeros().scale() > 2) {
                errors.add(new FieldError("deposit.percent", "has at most 2 decimal places"));
            } else if (total != null && itemsChecked) {
                deposit = Money.rounded(total.amount().multiply(percent).divide(HUNDRED), total.currency());
            }
        } else {
            Optional<Money> amount = MoneyInput.positive("deposit.amount", r.deposit().amount(), currency.orElse(null),
                    errors);
            if (amount.isPresent() && itemsChecked && amount.get().compareTo(total) > 0) {
                errors.add(new FieldError("deposit.amount", "is more than the estimated total of " + total));
            }
            deposit = amount.orElse(null);
        }
        LocalDate today = office.now().atZone(office.zone()).toLocalDate();
        if (r.plannedAdmission() == null) {
            errors.add(new FieldError("plannedAdmission", "is required (YYYY-MM-DD)"));
        } else if (!r.plannedAdmission().isAfter(today)) {
            errors.add(new FieldError("plannedAdmission", "must be after today"));
        } else if (r.plannedAdmission().isAfter(today.plusYears(2))) {
            errors.add(new FieldError("plannedAdmission", "must be within two years of today"));
        }
        if (r.validUntil() == null) {
            errors.add(new FieldError("validUntil", "is required (YYYY-MM-DD)"));
        } else if (r.validUntil().isBefore(today)) {
            errors.add(new FieldError("validUntil", "must be today or later"));
        } else if (r.validUntil().isAfter(today.plusYears(1))) {
            errors.add(new FieldError("validUntil", "must be within a year"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Checked(currency.get(), items, total, payer, deposit, percent);
    }

    private static PayerKind payer(EstimateRequest.Payer p, List<FieldError> errors) {
        if (p == null) {
            errors.add(new FieldError("payer", "is required: {\"kind\": \"SELF_PAY\"}, or an insurer or "
                    + "guarantor with name and reference"));
            return null;
        }
        PayerKind kind = Arrays.stream(PayerKind.values()).filter(k -> k.name().equals(p.kind())).findFirst()
                .orElse(null);
        if (kind == null) {
            errors.add(new FieldError("payer.kind", "must be one of " + Arrays.stream(PayerKind.values())
                    .map(Enum::name).collect(Collectors.joining(", "))));
            return null;
        }
        if (kind.needsGuarantor()) {
            text("payer.name", p.name(), 200, errors);
            text("payer.reference", p.reference(), 100, errors);
        } else {
            if (p.name() != null && !p.name().isBlank()) {
                errors.add(new FieldError("payer.name", "a self-paying patient has no insurer or guarantor"));
            }
            if (p.reference() != null && !p.reference().isBlank()) {
                errors.add(new FieldError("payer.reference",
                        "a self-paying patient has no policy or guarantee reference"));
            }
        }
        return kind;
    }

    private static void text(String field, String value, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else if (value.strip().length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        } else if (!PlainText.isOneLine(value)) {
            errors.add(new FieldError(field, PlainText.NOT_ONE_LINE));
        }
    }
}

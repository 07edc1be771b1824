package org.ipc.visa;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ipc.access.CaseAction;
import org.ipc.access.CasePart;
import org.ipc.common.Page;
import org.ipc.common.FieldError;
import org.ipc.common.PlainText;
import org.ipc.common.SealedValueRefusedException;
import org.ipc.common.ConflictException;
import org.ipc.common.InvalidInputException;
import org.ipc.common.NotFoundException;
import org.ipc.audit.AuditAction;
import org.ipc.audit.AuditTrail;
import org.ipc.cases.CaseAccess;
import org.ipc.cases.PatientCase;
import org.ipc.crypto.FieldCipher;
import org.ipc.departments.Department;
import org.ipc.departments.DepartmentCatalog;
import org.ipc.documents.Document;
import org.ipc.documents.DocumentKind;
import org.ipc.documents.DocumentService;
import org.ipc.estimates.DepositService;
import org.ipc.estimates.Estimate;
import org.ipc.estimates.EstimateService;
import org.ipc.hospital.HospitalConfig;
import org.ipc.officehours.BusinessClock;
import org.ipc.patients.CountryCode;
import org.ipc.security.CurrentUser;
import org.jboss.logging.Logger;

/**
 * Visa invitation letters: issued by a coordinator from the approved plan (the current estimate, the deposit at
 * issue, the planned dates), with passport numbers sealed at once; the PDF is stored encrypted with the case's
 * documents. A new letter for a case revokes the ones before it, as does {@link #revokeLettersOf} when the case is
 * withdrawn or its plan changes; the public verification then says so.
 */
@ApplicationScoped
public class VisaLetterService {

    private static final Logger LOG = Logger.getLogger(VisaLetterService.class);

    /** The purpose passport numbers sealed before issue 24 were bound to; now each is bound to its row. */
    static final String PASSPORT = "passport";
    /** Letters, digits; 5 to 20 of them once spaces are removed (ICAO 9303 allows up to 9, some states more). */
    private static final Pattern PASSPORT_NUMBER = Pattern.compile("[A-Z0-9]{5,20}");
    private static final int MAX_COMPANIONS = 6;
    private static final int MAX_STAY_DAYS = 365;

    @Inject
    CaseAccess access;

    @Inject
    AuditTrail audit;

    @Inject
    CurrentUser user;

    @Inject
    FieldCipher cipher;

    @Inject
    DepartmentCatalog departments;

    @Inject
    EstimateService estimates;

    @Inject
    DepositService deposits;

    @Inject
    DocumentService documents;

    @Inject
    VisaLetterPdf pdf;

    @Inject
    HospitalConfig hospital;

    @Inject
    BusinessClock office;

    @Inject
    Clock clock;

    /** A coordinator issues a letter; the answer carries its verification code, shown this once. */
    @Transactional
    public VisaLetterView issue(UUID caseId, VisaLetterRequest request) {
        if (request == null) {
            throw InvalidInputException.field("body", "send the letter's details as a JSON object");
        }
        PatientCase c = access.openStaffCaseForChange(caseId, CaseAction.ISSUE_VISA_LETTER, "it takes no visa letter");
        Checked checked = check(request, c);
        Estimate estimate = estimates.current(c.id).orElseThrow(() -> new ConflictException(
                "The case has no cost estimate yet; the letter states the estimated cost, so finance issues it first"));
        Instant now = Instant.now(clock);
        String code = VerificationCodes.next();

        VisaLetter l = new VisaLetter();
        l.id = UUID.randomUUID();
        l.caseId = c.id;
        l.codeSha256 = VerificationCodes.digest(VerificationCodes.canonical(code).orElseThrow());
        l.consulateName = request.consulate().name().strip();
        l.consulateCity = request.consulate().city().strip();
        l.nameInPassport = checked.patientName();
        l.birthDate = request.patient().birthDate();
        l.nationality = request.patient().nationality();
        l.passportSealed = cipher.seal(VisaLetter.passportBinding(l.id), checked.passport());
        l.passportLastFour = lastFour(checked.passport());
        for (int i = 0; i < checked.companions().size(); i++) {
            VisaLetterRequest.Traveller t = request.companions().get(i);
            Companion companion = new Companion();
            companion.fullName = t.nameInPassport().strip();
            companion.relationship = t.relationship().strip();
            companion.passportSealed = cipher.seal(VisaLetter.companionPassportBinding(l.id, i),
                    checked.companions().get(i));
            companion.passportLastFour = lastFour(checked.companions().get(i));
            l.companions.add(companion);
        }
        l.purpose = checked.purpose();
        l.department = checked.department().code;
        l.arrival = request.arrival();
        l.departure = request.departure();
        l.currency = estimate.currency;
        l.estimatedMinor = estimate.totalMinor;
        l.estimateRevision = estimate.revision;
        l.depositReceived = deposits.isDepositMet(c.id);
        l.issuedBy = user.id();
        l.issuedAt = now;

        // the plan this letter states replaces the one of any letter before it
        for (VisaLetter earlier : VisaLetter.inForce(c.id)) {
            earlier.revokedAt = now;
            earlier.revokedReason = "replaced by a later letter";
        }
        audit.record(AuditAction.VISA_LETTER_ISSUED, c.id, "visa letter " + l.id);
        l.persist();
        String url = verificationUrl(code);
        byte[] paper = pdf.render(c, l, checked.department().name, checked.passport(), checked.companions(), code, url);
        Document d = documents.storeGenerated(c.id, DocumentKind.VISA_INVITATION,
                "visa-invitation-" + c.reference + "-" + now.atZone(office.zone()).toLocalDate() + ".pdf",
                "application/pdf", paper, "en", true);
        l.documentId = d.id;
        LOG.infof("Visa letter %s issued for case %s with %d companions (document %s, sealed under key %s)", l.id,
                c.id, l.companions.size(), d.id, cipher.currentKeyId());
        return VisaLetterView.of(l, code, url);
    }

    @Transactional
    public Page<VisaLetterView> list(UUID caseId) {
        PatientCase c = access.staffCase(caseId, CasePart.VISA_LETTERS);
        List<VisaLetterView> all = VisaLetter.of(c.id).stream().map(l -> VisaLetterView.of(l, null, null)).toList();
        audit.record(AuditAction.VISA_LETTERS_READ, c.id);
        return new Page<>(all, all.size());
    }

    /** Staff revoke one letter (a mistake in it, a plan that changed). */
    @Transactional
    public VisaLetterView revoke(UUID caseId, UUID letterId, String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > 300) {
            throw InvalidInputException.field("reason", "say in at most 300 characters why the letter no longer stands");
        }
        PatientCase c = access.staffCase(caseId, CaseAction.ISSUE_VISA_LETTER);
        VisaLetter l = VisaLetter.inCase(c.id, letterId).orElseThrow(() -> new NotFoundException("Visa letter"));
        if (l.isRevoked()) {
            throw new ConflictException("The letter was already revoked");
        }
        l.revokedAt = Instant.now(clock);
        l.revokedReason = reason.strip();
        audit.record(AuditAction.VISA_LETTER_REVOKED, c.id, "visa letter " + l.id);
        return VisaLetterView.of(l, null, null);
    }

    /**
     * Revokes every letter of the case still in force: the case was withdrawn or its plan changed. For the process and
     * the features that change a plan; answers how many letters it revoked.
     */
    @Transactional
    public int revokeLettersOf(UUID caseId, String reason) {
        List<VisaLetter> inForce = VisaLetter.inForce(caseId);
        Instant now = Instant.now(clock);
        for (VisaLetter l : inForce) {
            l.revokedAt = now;
            l.revokedReason = reason;
            audit.record(AuditAction.VISA_LETTER_REVOKED, caseId, "visa letter " + l.id);
            LOG.infof("Visa letter %s of case %s revoked", l.id, caseId);
        }
        return inForce.size();
    }

    /** The case's letter in force (the newest), for the process's visa step. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> letterInForce(UUID caseId) {
        return VisaLetter.inForce(caseId).stream().max(java.util.Comparator.comparing(l -> l.issuedAt)).map(l -> l.id);
    }

    /**
     * Revokes the letters in force whose planned stay does not hold the appointments from {@code firstDay} to
     * {@code lastDay} any more (the itinerary moved outside it); answers how many.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int revokeLettersOutside(UUID caseId, LocalDate firstDay, LocalDate lastDay) {
        Instant now = Instant.now(clock);
        int revoked = 0;
        for (VisaLetter l : VisaLetter.inForce(caseId)) {
            if (firstDay.isBefore(l.arrival) || lastDay.isAfter(l.departure)) {
                l.revokedAt = now;
                l.revokedReason = "The plan changed: the appointments (" + firstDay + " to " + lastDay
                        + ") fall outside the stay of the letter (" + l.arrival + " to " + l.departure + ")";
                audit.record(AuditAction.VISA_LETTER_REVOKED, caseId, "visa letter " + l.id);
                LOG.infof("Visa letter %s of case %s revoked", l.id, caseId);
                revoked++;
            }
        }
        return revoked;
    }

    /**
     * The public check of a letter's code: a genuine letter's name, dates and issue date, or nothing at all for a code
     * that was never issued, mistyped or altered (one answer for all three).
     */
    @Transactional
    public Optional<Verification> verify(String typedCode) {
        Optional<VisaLetter> letter = VerificationCodes.canonical(typedCode).map(VerificationCodes::digest)
                .flatMap(VisaLetter::byCodeDigest);
        letter.ifPresent(l -> audit.record(AuditAction.VISA_LETTER_VERIFIED, l.caseId, "visa letter " + l.id));
        if (letter.isEmpty()) {
            // many of these from one address are someone guessing: the rate limiter's business, worth seeing here
            LOG.debug("Verification of a code that matches no letter");
        }
        return letter.map(l -> new Verification(l.isRevoked() ? Verification.Status.REVOKED : Verification.Status.VALID,
                hospital.name(), l.nameInPassport, l.arrival, l.departure,
                l.issuedAt.atZone(office.zone()).toLocalDate(),
                l.revokedAt == null ? null : l.revokedAt.atZone(office.zone()).toLocalDate()));
    }

    /**
     * Every passport number checked against its row and sealed under the current data key, bound to its row, when it
     * was not (after a rotation, or sealed before rows were bound); answers how many changed. One that does not open
     * for its row stays as it is and is added to {@code refused} ("visa_letter <id> passport_sealed").
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int resealPassports(List<String> refused) {
        int changed = 0;
        for (VisaLetter l : VisaLetter.<VisaLetter>listAll()) {
            try {
                String resealed = cipher.reseal(VisaLetter.passportBinding(l.id), PASSPORT, l.passportSealed);
                if (!resealed.equals(l.passportSealed)) {
                    l.passportSealed = resealed;
                    changed++;
                }
            } catch (SealedValueRefusedException e) {
                refused.add(e.where());
            }
            for (int i = 0; i < l.companions.size(); i++) {
                Companion companion = l.companions.get(i);
                try {
                    String resealed = cipher.reseal(VisaLetter.companionPassportBinding(l.id, i), PASSPORT,
                            companion.passportSealed);
                    if (!resealed.equals(companion.passportSealed)) {
                        companion.passportSealed = resealed;
                        changed++;
                    }
                } catch (SealedValueRefusedException e) {
                    refused.add(e.where());
                }
            }
        }
        return changed;
    }

    String verificationUrl(String code) {
        String base = hospital.verifyUrl().toString();
        return (base.endsWith("/") ? base : base + "/") + code;
    }

    /** What the checks made of a request. */
    private record Checked(String patientName, String passport, List<String> companions, VisitPurpose purpose,
            Department department) {
    }

    private Checked check(VisaLetterRequest r, PatientCase c) {
        List<FieldError> errors = new ArrayList<>();
        if (r.consulate() == null) {
            errors.add(new FieldError("consulate", "is required: the consulate's name and city"));
        } else {
            text("consulate.name", r.consulate().name(), 200, errors);
            text("consulate.city", r.consulate().city(), 100, errors);
        }
        String passport = null;
        if (r.patient() == null) {
            errors.add(new FieldError("patient", "is required: the patient as in the passport"));
        } else {
            text("patient.nameInPassport", r.patient().nameInPassport(), 200, errors);
            LocalDate today = office.now().atZone(office.zone()).toLocalDate();
            if (r.patient().birthDate() == null) {
                errors.add(new FieldError("patient.birthDate", "is required (YYYY-MM-DD)"));
            } else if (!r.patient().birthDate().isBefore(today)) {
                errors.add(new FieldError("patient.birthDate", "must be in the past"));
            }
            if (r.patient().nationality() == null
                    || !new CountryCode.Validator().isValid(r.patient().nationality(), null)) {
                errors.add(new FieldError("patient.nationality",
                        "must be an ISO 3166-1 alpha-2 country code, such as SA or BR"));
            }
            passport = passport("patient.passportNumber", r.patient().passportNumber(), errors);
        }
        List<String> companions = new ArrayList<>();
        if (r.companions() != null) {
            if (r.companions().size() > MAX_COMPANIONS) {
                errors.add(new FieldError("companions", "at most " + MAX_COMPANIONS + " companions"));
            } else {
                for (int i = 0; i < r.companions().size(); i++) {
                    VisaLetterRequest.Traveller t = r.companions().get(i);
                    String field = "companions[" + i + "]";
                    if (t == null) {
                        errors.add(new FieldError(field, "must be an object"));
                        continue;
                    }
                    text(field + ".nameInPassport", t.nameInPassport(), 200, errors);
                    text(field + ".relationship", t.relationship(), 100, errors);
                    companions.add(passport(field + ".passportNumber", t.passportNumber(), errors));
                }
            }
        }
        VisitPurpose purpose = Arrays.stream(VisitPurpose.values()).filter(p -> p.name().equals(r.purpose()))
                .findFirst().orElse(null);
        if (purpose == null) {
            errors.add(new FieldError("purpose", "must be one of " + Arrays.stream(VisitPurpose.values())
                    .map(Enum::name).collect(Collectors.joining(", "))));
        }
        String departmentCode = r.department() == null ? c.department : r.department();
        Department department = departments.find(departmentCode).orElse(null);
        if (department == null) {
            errors.add(new FieldError("department", "must be one of the codes of GET /api/departments"));
        }
        LocalDate today = office.now().atZone(office.zone()).toLocalDate();
        if (r.arrival() == null) {
            errors.add(new FieldError("arrival", "is required (YYYY-MM-DD)"));
        } else if (r.arrival().isBefore(today)) {
            errors.add(new FieldError("arrival", "must be today or later"));
        }
        if (r.departure() == null) {
            errors.add(new FieldError("departure", "is required (YYYY-MM-DD)"));
        } else if (r.arrival() != null && !r.departure().isAfter(r.arrival())) {
            errors.add(new FieldError("departure", "must be after the arrival"));
        } else if (r.arrival() != null && ChronoUnit.DAYS.between(r.arrival(), r.departure()) > MAX_STAY_DAYS) {
            errors.add(new FieldError("departure", "a stay is at most " + MAX_STAY_DAYS + " days"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Checked(r.patient().nameInPassport().strip(), passport, companions, purpose, department);
    }

    /** The number in its canonical form (capitals, no spaces); errors never repeat the number. */
    private static String passport(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        String number = value.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!PASSPORT_NUMBER.matcher(number).matches()) {
            errors.add(new FieldError(field, "must be 5 to 20 letters and digits, as printed in the passport"));
            return null;
        }
        return number;
    }

    private static String lastFour(String number) {
        return number.substring(number.length() - 4);
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

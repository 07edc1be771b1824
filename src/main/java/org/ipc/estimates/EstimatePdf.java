package org.ipc.estimates;

import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ipc.cases.PatientCase;
import org.ipc.hospital.HospitalConfig;
import org.ipc.money.Money;
import org.ipc.paperwork.PdfRenderer;
import org.ipc.patients.PatientLanguage;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The estimate as a PDF for the patient, in their language (Arabic laid out right to left): the letterhead, the
 * items and total, the payer, the deposit and its due date in the patient's own time zone. Amounts and dates are
 * written as the reader's locale writes them. Nothing clinical: no summary, no department.
 */
@ApplicationScoped
public class EstimatePdf {

    /**
     * What the template lays out: every value already in the reader's words. Right-to-left pages list a table's cells
     * from the right ({@code rtl}): the PDF library lays table columns out left to right whatever the direction.
     */
    public record Page(String language, boolean rtl, String direction, String start, String end, String fonts,
            String title, Letterhead letterhead, List<Line> header, List<Line> payer, String serviceLabel,
            String amountLabel, List<Line> items, Line total, List<Line> deposit, String currencyNote,
            String disclaimer, String questions, String phone, String email) {
    }

    public record Letterhead(String name, String office, List<String> address, String contact) {
    }

    /**
     * A label and its value; {@code ltr} values (references, codes) are kept left to right as one unit inside
     * Arabic text (amounts are not: the locale writes them in its own order), and {@code note} follows the value.
     */
    public record Line(String label, String value, boolean ltr, String note) {
        Line(String label, String value) {
            this(label, value, false, null);
        }

        static Line ltr(String label, String value) {
            return new Line(label, value, true, null);
        }
    }

    @Inject
    PdfRenderer renderer;

    @Inject
    HospitalConfig hospital;

    @Location("paperwork/estimate.html")
    Template template;

    public byte[] render(PatientCase c, Estimate e, Estimate previous) {
        String language = e.language;
        Locale locale = Locale.forLanguageTag(language);
        boolean rtl = PatientLanguage.isRightToLeft(language);
        EstimateTexts t = MessageBundles.get(EstimateTexts.class, Localized.Literal.of(language));
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                .withDecimalStyle(DecimalStyle.of(locale));
        ZoneId patientZone = ZoneId.of(c.patient.timeZone);
        DateTimeFormatter moment = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(locale).withDecimalStyle(DecimalStyle.of(locale)).withZone(patientZone);

        List<Line> header = List.of(
                Line.ltr(t.reference(), c.reference),
                new Line(t.revision(), previous == null ? String.valueOf(e.revision)
                        : t.revisionReplaces(e.revision, previous.revision)),
                new Line(t.issuedOn(), date.format(e.issuedAt.atZone(patientZone).toLocalDate())),
                new Line(t.validUntil(), date.format(e.validUntil)),
                new Line(t.patient(), c.patient.givenName + " " + c.patient.familyName),
                new Line(t.birthDate(), date.format(c.patient.birthDate)),
                new Line(t.plannedAdmission(), date.format(e.plannedAdmission)));
        List<Line> payer = switch (e.payerKind) {
            case SELF_PAY -> List.of(new Line(t.payer(), t.selfPay()));
            case INSURER -> List.of(new Line(t.insurer(), e.payerName), Line.ltr(t.policyReference(), e.payerReference));
            case GOVERNMENT -> List.of(new Line(t.governmentGuarantee(), e.payerName),
                    Line.ltr(t.guaranteeReference(), e.payerReference));
            case EMBASSY -> List.of(new Line(t.embassyGuarantee(), e.payerName),
                    Line.ltr(t.guaranteeReference(), e.payerReference));
        };
        List<Line> items = e.items.stream()
                .map(i -> new Line(i.description, Money.ofMinor(i.amountMinor, e.currency()).format(locale))).toList();
        List<Line> deposit = List.of(
                new Line(t.depositRequired(), e.deposit().format(locale), false, e.depositSharePercent == null ? null
                        : "(" + t.depositShare(percent(e, locale)) + ")"),
                new Line(t.depositDue(), moment.format(e.depositDueAt) + " ("
                        + patientZone.getDisplayName(TextStyle.FULL, locale) + ")"));
        HospitalConfig h = hospital;
        Page page = new Page(language, rtl, rtl ? "rtl" : "ltr", rtl ? "right" : "left", rtl ? "left" : "right",
                fonts(language), t.title(),
                new Letterhead(h.name(), h.office(), h.address(), h.phone() + " · " + h.email() + " · " + h.website()),
                header, payer, t.service(), t.amount(), items,
                new Line(t.total(), e.total().format(locale)), deposit,
                t.currencyNote(e.currency().getDisplayName(locale) + " (" + e.currency + ")"), t.disclaimer(),
                t.questions(), h.phone(), h.email());
        return renderer.render(template.data("page", page).render(), locale, rtl);
    }

    private static String percent(Estimate e, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(2);
        return format.format(e.depositSharePercent);
    }

    /** The CSS font list for a language: its own script's face first, the others as fallbacks. */
    static String fonts(String language) {
        return switch (language) {
            case "ar" -> "'Noto Naskh Arabic', 'Noto Sans', 'Noto Sans SC'";
            case "zh" -> "'Noto Sans SC', 'Noto Sans', 'Noto Naskh Arabic'";
            default -> "'Noto Sans', 'Noto Naskh Arabic', 'Noto Sans SC'";
        };
    }
}

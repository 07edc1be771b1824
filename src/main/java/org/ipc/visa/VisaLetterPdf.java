package org.ipc.visa;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ipc.cases.PatientCase;
import org.ipc.hospital.HospitalConfig;
import org.ipc.money.Money;
import org.ipc.officehours.BusinessClock;
import org.ipc.paperwork.PdfRenderer;
import org.ipc.paperwork.QrCodes;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * The visa invitation letter as the consulate reads it, in English: the letterhead, the traveller and companions as
 * in their passports (numbers in full: this is the one place they appear), the purpose, the planned dates and
 * length of stay, the estimated cost and the deposit, the signatory, and the verification code with its address and
 * a QR code. Nothing clinical beyond the department that will see the patient.
 */
@ApplicationScoped
public class VisaLetterPdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    /** What the template lays out. */
    public record Letter(String title, Letterhead letterhead, String date, String code, String url, String qr,
            String consulateName, String consulateCity, String subject, String opening, List<Fact> patient,
            List<CompanionLine> companions, List<Fact> plan, String cost, String closing, Signatory signatory,
            String reference) {
    }

    public record Letterhead(String name, String office, List<String> address, String contact) {
    }

    public record Fact(String label, String value) {
    }

    public record CompanionLine(String name, String relationship, String passport) {
    }

    public record Signatory(String name, String position, String hospital) {
    }

    @Inject
    PdfRenderer renderer;

    @Inject
    HospitalConfig hospital;

    @Inject
    BusinessClock office;

    @Location("paperwork/visa-letter.html")
    Template template;

    byte[] render(PatientCase c, VisaLetter l, String departmentName, String passport, List<String> companionPassports,
            String code, String url) {
        HospitalConfig h = hospital;
        LocalDate issued = l.issuedAt.atZone(office.zone()).toLocalDate();
        String purpose = l.purpose == VisitPurpose.TREATMENT ? "medical treatment" : "a medical evaluation";
        List<CompanionLine> companions = new ArrayList<>();
        for (int i = 0; i < l.companions.size(); i++) {
            Companion companion = l.companions.get(i);
            companions.add(new CompanionLine(companion.fullName, companion.relationship, companionPassports.get(i)));
        }
        String travellers = companions.isEmpty() ? "" : companions.size() == 1 ? ", accompanied by one companion"
                : ", accompanied by " + companions.size() + " companions";
        String cost = "The estimated cost of the planned care is "
                + Money.ofMinor(l.estimatedMinor, Currency.getInstance(l.currency)).withCode(Locale.US) + " ("
                + Currency.getInstance(l.currency).getDisplayName(Locale.ENGLISH) + "). "
                + (l.depositReceived ? "The deposit required for this visit has been received."
                        : "The deposit required for this visit has not been received as of the date of this letter.");
        Letter letter = new Letter("Visa invitation letter", new Letterhead(h.name(), h.office(), h.address(),
                h.phone() + " · " + h.email() + " · " + h.website()),
                DATE.format(issued), code, url, QrCodes.pngDataUri(url, 240), l.consulateName, l.consulateCity,
                "Invitation for " + purpose + ": " + l.nameInPassport,
                h.name() + " invites the patient named below to travel to the United States for " + purpose
                        + " in its " + departmentName + travellers + ".",
                List.of(new Fact("Name (as in passport)", l.nameInPassport),
                        new Fact("Date of birth", DATE.format(l.birthDate)),
                        new Fact("Nationality", new Locale("", l.nationality).getDisplayCountry(Locale.ENGLISH)),
                        new Fact("Passport number", passport)),
                companions,
                List.of(new Fact("Purpose", capitalised(purpose) + ", " + departmentName),
                        new Fact("Planned arrival", DATE.format(l.arrival)),
                        new Fact("Planned departure", DATE.format(l.departure)),
                        new Fact("Expected length of stay", stayDays(l) + " days")),
                cost,
                "To confirm that this letter is genuine, open the address above or scan the code: the page shows "
                        + "the patient's name, the planned dates and the date of issue. For any question, please call "
                        + h.phone() + " or write to " + h.email() + ".",
                new Signatory(h.signatory().name(), h.signatory().position(), h.name()), c.reference);
        return renderer.render(template.data("letter", letter).render(), Locale.ENGLISH, false);
    }

    /** The length of stay the letter states: days from arrival to departure. */
    static long stayDays(VisaLetter l) {
        return ChronoUnit.DAYS.between(l.arrival, l.departure);
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}

package org.ipc.visa;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ipc.crypto.Masks;
import org.ipc.money.Money;

/**
 * A letter as staff see it: passport numbers masked ({@code •••••4321}). The verification code shows once, in the
 * answer to the request that issued the letter (and on the letter itself); it is not stored in clear.
 */
@Schema(name = "VisaLetter")
public record VisaLetterView(UUID id, String consulateName, String consulateCity, String nameInPassport,
        LocalDate birthDate, String nationality, String passportNumber, List<CompanionView> companions,
        VisitPurpose purpose, String department, LocalDate arrival, LocalDate departure, long lengthOfStayDays,
        String estimatedCost, String currency, int estimateRevision, boolean depositReceived, UUID documentId,
        Instant issuedAt, String issuedBy, Instant revokedAt, String revokedReason, String verificationCode,
        String verificationUrl) {

    public record CompanionView(String nameInPassport, String relationship, String passportNumber) {
    }

    static VisaLetterView of(VisaLetter l, String code, String url) {
        return new VisaLetterView(l.id, l.consulateName, l.consulateCity, l.nameInPassport, l.birthDate,
                l.nationality, masked(l.passportLastFour),
                l.companions.stream().map(c -> new CompanionView(c.fullName, c.relationship,
                        masked(c.passportLastFour))).toList(),
                l.purpose, l.department, l.arrival, l.departure, VisaLetterPdf.stayDays(l),
                Money.ofMinor(l.estimatedMinor, Currency.getInstance(l.currency)).plain(),
                l.currency, l.estimateRevision, l.depositReceived, l.documentId, l.issuedAt, l.issuedBy, l.revokedAt,
                l.revokedReason, code, url);
    }

    private static String masked(String lastFour) {
        return Masks.lastFour("xxxxx" + lastFour);
    }
}

package org.ipc.estimates;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a case's deposit stands: asked for by the current estimate, received so far (in the estimate's currency),
 * the balance still due, and whether the deposit is met. Amounts are exact strings in their currency's unit.
 */
@Schema(name = "Deposit")
public record DepositView(int estimateRevision, String currency, String required, String received, String balance,
        boolean met, Instant due, String estimatedTotal, String outstandingTotal, List<PaymentView> payments) {

    /** One payment: as received, and what it counts for. */
    @Schema(name = "Payment")
    public record PaymentView(UUID id, String amount, String currency, LocalDate receivedOn, String reference,
            String exchangeRate, String counted, String countedCurrency, String recordedBy, Instant recordedAt) {

        static PaymentView of(Payment p) {
            return new PaymentView(p.id, p.amount().plain(), p.currency, p.receivedOn, p.reference,
                    p.exchangeRate == null ? null : p.exchangeRate.stripTrailingZeros().toPlainString(),
                    p.counted().plain(), p.countedCurrency, p.recordedBy, p.recordedAt);
        }
    }
}

package org.ipc.estimates;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ipc.money.Money;

/** An estimate as the API shows it. Amounts are strings in the currency's unit, exact: {@code "48000.00"}. */
@Schema(name = "Estimate")
public record EstimateView(UUID id, int revision, boolean current, String currency, List<Item> items, String total,
        Payer payer, Deposit deposit, LocalDate plannedAdmission, Instant depositDue, LocalDate validUntil,
        String language, UUID documentId, String issuedBy, Instant issuedAt, Instant supersededAt) {

    @Schema(name = "EstimateItem")
    public record Item(String description, String amount) {
    }

    @Schema(name = "EstimatePayer")
    public record Payer(PayerKind kind, String name, String reference) {
    }

    /** The deposit asked for; {@code percent} when it was asked as a share of the total. */
    @Schema(name = "EstimateDeposit")
    public record Deposit(String amount, String percent) {
    }

    static EstimateView of(Estimate e) {
        List<Item> items = e.items.stream()
                .map(i -> new Item(i.description, Money.ofMinor(i.amountMinor, e.currency()).plain())).toList();
        return new EstimateView(e.id, e.revision, e.isCurrent(), e.currency, items, e.total().plain(),
                new Payer(e.payerKind, e.payerName, e.payerReference),
                new Deposit(e.deposit().plain(), e.depositSharePercent == null ? null
                        : e.depositSharePercent.stripTrailingZeros().toPlainString()),
                e.plannedAdmission, e.depositDueAt, e.validUntil, e.language, e.documentId, e.issuedBy, e.issuedAt,
                e.supersededAt);
    }
}

package org.ipc.estimates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/cases/{id}/estimates}. Amounts are decimal numbers or strings in the currency's unit
 * ({@code "12500.00"} US dollars), exact to its minor unit.
 */
@Schema(name = "EstimateRequest")
public record EstimateRequest(
        @Schema(description = "ISO 4217 code", example = "USD") String currency,
        List<Item> items,
        Payer payer,
        @Schema(description = "exactly one of amount and percent") Deposit deposit,
        @Schema(description = "the planned admission date; the deposit falls due seven business days before it") LocalDate plannedAdmission,
        LocalDate validUntil,
        @Schema(description = "the revision this one replaces, when it replaces one: a stale number answers 409") Integer revises) {

    /** A service or fee. */
    @Schema(name = "EstimateRequestItem")
    public record Item(String description, @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "12500.00") BigDecimal amount) {
    }

    /** Who pays: {@code SELF_PAY}, {@code INSURER}, {@code GOVERNMENT} or {@code EMBASSY} (guarantees) with name and reference. */
    @Schema(name = "EstimateRequestPayer")
    public record Payer(String kind, String name, String reference) {
    }

    /** The deposit: a fixed amount, or a percent of the total. */
    @Schema(name = "EstimateRequestDeposit")
    public record Deposit(BigDecimal amount, BigDecimal percent) {
    }
}

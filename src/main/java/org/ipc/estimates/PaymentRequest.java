package org.ipc.estimates;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/cases/{id}/payments}: a payment as it arrived. One in another currency than the
 * estimate's needs the exchange rate used, in units of the estimate's currency per one unit received.
 */
@Schema(name = "PaymentRequest")
public record PaymentRequest(
        @Schema(type = SchemaType.STRING, example = "5000.00") BigDecimal amount,
        @Schema(example = "USD") String currency,
        LocalDate receivedOn,
        @Schema(description = "the bank's or processor's reference; unique within the case", example = "FT26334XK91") String reference,
        @Schema(type = SchemaType.STRING, description = "estimate currency per one unit received, e.g. 0.2666 USD per SAR", example = "0.2666") BigDecimal exchangeRate) {
}

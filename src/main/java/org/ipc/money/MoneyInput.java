package org.ipc.money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.ipc.common.FieldError;

/**
 * Reads currencies and amounts as clients send them, collecting each mistake as a field error: ISO 4217 codes of
 * currencies one pays in, amounts with no more decimals than their currency has.
 */
public final class MoneyInput {

    /** Twelve digits before the point: a trillion in any currency is a typing mistake, not an estimate. */
    private static final int MAX_INTEGER_DIGITS = 12;
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    private MoneyInput() {
    }

    /** The currency of an ISO 4217 code, or a field error. */
    public static Optional<Currency> currency(String field, String code, List<FieldError> errors) {
        if (code == null || code.isBlank()) {
            errors.add(new FieldError(field, "is required: an ISO 4217 code such as USD, EUR or SAR"));
            return Optional.empty();
        }
        if (!CODE.matcher(code).matches()) {
            errors.add(new FieldError(field, "must be an ISO 4217 code of three capital letters, such as USD"));
            return Optional.empty();
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            errors.add(new FieldError(field, code + " is not an ISO 4217 currency"));
            return Optional.empty();
        }
        if (currency.getDefaultFractionDigits() < 0) {
            errors.add(new FieldError(field, code + " is not a currency one pays in"));
            return Optional.empty();
        }
        return Optional.of(currency);
    }

    /** A positive amount of {@code currency}, exact to its minor unit, or a field error. */
    public static Optional<Money> positive(String field, BigDecimal amount, Currency currency,
            List<FieldError> errors) {
        if (amount == null) {
            errors.add(new FieldError(field, "is required"));
            return Optional.empty();
        }
        if (amount.signum() <= 0) {
            errors.add(new FieldError(field, "must be more than zero"));
            return Optional.empty();
        }
        if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            errors.add(new FieldError(field, "must be less than 10^" + MAX_INTEGER_DIGITS));
            return Optional.empty();
        }
        if (currency == null) {
            return Optional.empty();
        }
        int digits = currency.getDefaultFractionDigits();
        if (amount.stripTrailingZeros().scale() > digits) {
            errors.add(new FieldError(field, digits == 0
                    ? currency.getCurrencyCode() + " amounts are whole numbers"
                    : currency.getCurrencyCode() + " amounts have at most " + digits + " decimal places"));
            return Optional.empty();
        }
        return Optional.of(new Money(amount, currency));
    }
}

package org.ipc.money;

import java.awt.ComponentOrientation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * An exact amount of one currency, always at the currency's own number of decimals (two for USD, none for JPY, three
 * for KWD). Stored as a whole number of minor units; never a floating-point number.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public Money {
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0) {
            throw new IllegalArgumentException(currency + " is not a currency one pays in");
        }
        amount = amount.setScale(digits, RoundingMode.UNNECESSARY);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public static Money ofMinor(long minorUnits, Currency currency) {
        return new Money(BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits()), currency);
    }

    /** The amount rounded half up to the currency's decimals: for shares and converted amounts. */
    public static Money rounded(BigDecimal amount, Currency currency) {
        return new Money(amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_UP), currency);
    }

    public long minorUnits() {
        return amount.movePointRight(currency.getDefaultFractionDigits()).longValueExact();
    }

    public Money plus(Money other) {
        same(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        same(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    @Override
    public int compareTo(Money other) {
        same(other);
        return amount.compareTo(other.amount);
    }

    /**
     * As a reader of {@code locale} writes it: {@code US$ 48.000,00} in pt-BR, {@code ٤٨٬٠٠٠٫٠٠ USD} in Arabic.
     * Right-to-left languages get the ISO code instead of a symbol mixing Latin letters and signs ({@code US$}),
     * which the bidirectional algorithm would show as {@code $US}.
     */
    public String format(Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        if (!ComponentOrientation.getOrientation(locale).isLeftToRight() && format instanceof DecimalFormat decimal) {
            String symbol = currency.getSymbol(locale);
            if (symbol.chars().anyMatch(ch -> ch < 0x0590)) {
                DecimalFormatSymbols symbols = decimal.getDecimalFormatSymbols();
                symbols.setCurrencySymbol(currency.getCurrencyCode());
                decimal.setDecimalFormatSymbols(symbols);
            }
        }
        format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
        format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
        return format.format(amount);
    }

    /** The ISO code and the amount as {@code locale} groups digits: {@code USD 48,000.50}, for letters abroad. */
    public String withCode(Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
        format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
        return currency.getCurrencyCode() + " " + format.format(amount);
    }

    /** The plain amount as the API writes it: {@code "48000.00"}. */
    public String plain() {
        return amount.toPlainString();
    }

    @Override
    public String toString() {
        return plain() + " " + currency.getCurrencyCode();
    }

    private void same(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot mix " + currency + " and " + other.currency);
        }
    }
}

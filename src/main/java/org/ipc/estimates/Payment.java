package org.ipc.estimates;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.ipc.money.Money;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A payment towards a case's deposit, as finance recorded it: what arrived (amount, currency, date, reference) and
 * what it counts for in the estimate's currency (with the exchange rate used, when the currencies differ).
 */
@Entity
@Table(name = "payment")
public class Payment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(name = "amount_minor", nullable = false)
    public long amountMinor;

    @Column(name = "received_on", nullable = false)
    public LocalDate receivedOn;

    /** The bank's or card processor's reference; unique within the case, so one payment is never counted twice. */
    @Column(nullable = false)
    public String reference;

    /** Units of the counted currency per one unit received; null when the payment came in the estimate's currency. */
    @Column(name = "exchange_rate", precision = 24, scale = 10)
    public BigDecimal exchangeRate;

    @Column(name = "counted_currency", nullable = false, length = 3)
    public String countedCurrency;

    @Column(name = "counted_minor", nullable = false)
    public long countedMinor;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** 1, 2, 3... within the case, in the order finance recorded them. */
    @Column(nullable = false)
    public int position;

    public Money amount() {
        return Money.ofMinor(amountMinor, Currency.getInstance(currency));
    }

    public Money counted() {
        return Money.ofMinor(countedMinor, Currency.getInstance(countedCurrency));
    }

    /** The case's payments in the order they were recorded. */
    public static List<Payment> of(UUID caseId) {
        return list("caseId = ?1 order by position", caseId);
    }

    /** The currency the case's payments are counted in, once there is one. */
    public static Optional<String> countedCurrencyOf(UUID caseId) {
        return Payment.<Payment>find("caseId", caseId).firstResultOptional().map(p -> p.countedCurrency);
    }

    public static boolean exists(UUID caseId, String reference) {
        return count("caseId = ?1 and reference = ?2", caseId, reference) > 0;
    }
}

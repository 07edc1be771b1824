package org.ipc.estimates;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One line of an estimate: a service or fee and its amount, in the estimate's currency. */
@Embeddable
public class EstimateItem {

    @Column(nullable = false, length = 300)
    public String description;

    @Column(name = "amount_minor", nullable = false)
    public long amountMinor;

    public EstimateItem() {
    }

    public EstimateItem(String description, long amountMinor) {
        this.description = description;
        this.amountMinor = amountMinor;
    }
}

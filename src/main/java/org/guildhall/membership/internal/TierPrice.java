package org.guildhall.membership.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A tier's price for one billing period: minor units and ISO-4217 currency. */
@Embeddable
record TierPrice(
    @Column(name = "amount_minor", nullable = false) long amountMinor,
    @Column(name = "currency", nullable = false, length = 3) String currency) {}

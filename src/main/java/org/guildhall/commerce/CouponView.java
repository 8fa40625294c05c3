package org.guildhall.commerce;

import java.time.Instant;
import java.util.UUID;
import org.guildhall.shared.Money;

/**
 * A coupon as the owner's list shows it: exactly one of {@code percentOff} and {@code amountOff};
 * {@code scopeKind} null means everything; {@code reserved} counts uses held by pending and paid
 * orders, {@code paidUses} the paid ones.
 */
public record CouponView(
    UUID id,
    String code,
    Integer percentOff,
    Money amountOff,
    String scopeKind,
    String scopeKey,
    Instant startsAt,
    Instant endsAt,
    Integer totalLimit,
    int perPersonLimit,
    boolean firstPurchaseOnly,
    boolean active,
    int reserved,
    long paidUses,
    Instant createdAt) {}

package org.guildhall.commerce;

import java.time.Instant;
import org.guildhall.shared.Money;

/** A verified gateway notification stored for an order, and what it did ({@code outcome}). */
public record PaymentNotificationView(
    String gateway,
    String eventId,
    String type,
    Money amount,
    String outcome,
    Instant receivedAt) {}

package org.guildhall.commerce;

import java.util.UUID;

/**
 * An order ready to pay: send the buyer to {@code redirectUrl}, or render {@code html} (a
 * provider's auto-submitting form). {@code existing} is true when the idempotency key found an
 * order made before.
 */
public record CheckoutStart(
    UUID orderId, OrderStatus status, String redirectUrl, String html, boolean existing) {}

package org.guildhall.commerce.gateway;

import java.util.UUID;
import org.guildhall.shared.Money;

/**
 * What a gateway needs to start a hosted payment.
 *
 * @param orderId the order being paid; gateways echo it back in their notifications (metadata,
 *     {@code out_trade_no}, ...)
 * @param amount the order's total, computed by the server
 * @param description what the buyer sees on the provider's page
 * @param recurringMonths for a subscription, its billing interval in months (0 for one-off)
 * @param returnUrl absolute URL the buyer comes back to after paying
 * @param cancelUrl absolute URL the buyer comes back to after giving up
 * @param notifyUrl absolute URL of this gateway's notification endpoint
 * @param idempotencyKey stored with the order before the call; sent to providers that accept one
 * @param buyerEmail for providers that prefill it
 */
public record PaymentRequest(
    UUID orderId,
    Money amount,
    String description,
    int recurringMonths,
    String returnUrl,
    String cancelUrl,
    String notifyUrl,
    String idempotencyKey,
    String buyerEmail) {}

package org.guildhall.commerce.gateway;

import java.util.UUID;
import org.guildhall.shared.Money;

/**
 * A refund to ask the provider for.
 *
 * @param refundId our refund's id, echoed back in the provider's refund notification
 * @param orderTotal the order's paid total (WeChat Pay and Alipay want it with the refund)
 * @param idempotencyKey stored before the call
 */
public record RefundRequest(
    UUID refundId,
    UUID orderId,
    String paymentRef,
    Money amount,
    Money orderTotal,
    String reason,
    String idempotencyKey) {}

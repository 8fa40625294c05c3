package org.guildhall.commerce;

import java.util.Locale;
import java.util.UUID;

/**
 * A buyer's request to pay for an item.
 *
 * @param couponCode optional
 * @param groupDealId optional: open a new group on this deal
 * @param groupId optional: join this open group
 * @param idempotencyKey from the checkout form (or the API's {@code Idempotency-Key} header): the
 *     same key makes the same order
 * @param baseUrl this site's address as the buyer reached it ({@code https://example.com}), for the
 *     return and notification URLs handed to the gateway
 */
public record CheckoutRequest(
    UUID buyerId,
    String buyerEmail,
    ItemRef item,
    String couponCode,
    UUID groupDealId,
    UUID groupId,
    String idempotencyKey,
    Locale locale,
    String baseUrl) {}

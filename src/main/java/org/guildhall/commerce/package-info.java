/**
 * Commerce: orders with immutable lines and the price computation, payments through gateways
 * (sandbox, Stripe, Alipay, WeChat Pay), the notification inbox, refunds, receipts, reconciliation,
 * limited-time offers, coupons and group buys.
 *
 * <p>Commerce knows purchasable items only by an {@link org.guildhall.commerce.ItemRef}; the module
 * that owns a kind of item (membership plans now, courses later) describes and prices it through a
 * {@link org.guildhall.commerce.PurchasableCatalog} bean and listens to {@link
 * org.guildhall.commerce.CommerceEvents} for the effects of payment and refund.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "platform", "identity"})
package org.guildhall.commerce;

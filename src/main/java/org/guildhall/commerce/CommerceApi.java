package org.guildhall.commerce;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.shared.paging.Cursor;
import org.guildhall.shared.paging.KeysetPage;

/** What other modules and the web layer use of commerce. */
public interface CommerceApi {

  /** Prices an item for a buyer (or a visitor, {@code buyerId} null) without making anything. */
  Quote quote(
      ItemRef item, UUID buyerId, String couponCode, UUID groupDealId, UUID groupId, Locale locale);

  /** Makes (or finds, by idempotency key) an order and starts its payment. */
  CheckoutStart checkout(CheckoutRequest request);

  Optional<OrderView> order(UUID orderId);

  /** Where a buyer goes after paying for the item (its page, or the membership page). */
  String returnPath(ItemRef item, Locale locale);

  /** The gateway new checkouts use, by id ({@code sandbox}, {@code stripe}, ...). */
  String activeGateway();

  /** Limited-time offers running now that may cover items of {@code kind}, ending soonest first. */
  java.util.List<OfferView> runningOffers(String kind);

  /** A buyer's orders, newest first. */
  KeysetPage<OrderView> ordersOf(UUID buyerId, Cursor after, int size);

  /** True when the buyer holds a paid, not fully refunded, fulfilled order for the item. */
  boolean owns(UUID buyerId, ItemRef item);

  /** The cheapest open group-buy deal on an item, if any: its group price and size. */
  Optional<GroupDealView> groupDeal(ItemRef item);

  /**
   * Refunds (part of) a paid order through its gateway. The amount is in minor units; the reason is
   * kept with the refund.
   */
  OrderView refund(UUID orderId, long amountMinor, String reason, UUID actorId);

  /**
   * Issues a single-use coupon (a win-back offer, a gift) and returns its code: {@code percentOff}
   * on items of {@code scopeKind} (null: anything) until {@code endsAt}.
   */
  String issueCoupon(String codePrefix, int percentOff, String scopeKind, java.time.Instant endsAt);

  /** Asks the gateway to stop the subscription an order started, at the end of its period. */
  void stopSubscription(UUID orderId);

  /** A group-buy deal as checkout and the access policy show it. */
  record GroupDealView(
      UUID id, ItemRef item, org.guildhall.shared.Money groupPrice, int size, int hoursToFill) {}
}

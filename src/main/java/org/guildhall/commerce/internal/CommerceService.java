package org.guildhall.commerce.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.guildhall.commerce.CheckoutRequest;
import org.guildhall.commerce.CheckoutStart;
import org.guildhall.commerce.CommerceApi;
import org.guildhall.commerce.ItemRef;
import org.guildhall.commerce.OrderStatus;
import org.guildhall.commerce.OrderView;
import org.guildhall.commerce.Quote;
import org.guildhall.commerce.gateway.CheckoutRedirect;
import org.guildhall.commerce.gateway.PaymentGateway;
import org.guildhall.commerce.gateway.PaymentRequest;
import org.guildhall.platform.DomainException;
import org.guildhall.shared.Money;
import org.guildhall.shared.paging.Cursor;
import org.guildhall.shared.paging.KeysetPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Checkout, orders and refunds: the {@link CommerceApi} facade. */
@Service
class CommerceService implements CommerceApi {

  private static final Logger log = LoggerFactory.getLogger(CommerceService.class);
  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_:.-]{8,100}");
  static final String FREE = "free";

  private final Pricing pricing;
  private final OfferStore offers;
  private final Catalogs catalogs;
  private final OrderStore orders;
  private final RefundStore refunds;
  private final CouponStore coupons;
  private final GroupStore groups;
  private final Gateways gateways;
  private final Settlement settlement;
  private final RefundExecutor refundExecutor;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Duration orderTtl;

  CommerceService(
      Pricing pricing,
      OfferStore offers,
      Catalogs catalogs,
      OrderStore orders,
      RefundStore refunds,
      CouponStore coupons,
      GroupStore groups,
      Gateways gateways,
      Settlement settlement,
      RefundExecutor refundExecutor,
      PlatformTransactionManager transactions,
      Clock clock,
      @Value("${guildhall.commerce.order-ttl:PT30M}") Duration orderTtl) {
    this.pricing = pricing;
    this.offers = offers;
    this.catalogs = catalogs;
    this.orders = orders;
    this.refunds = refunds;
    this.coupons = coupons;
    this.groups = groups;
    this.gateways = gateways;
    this.settlement = settlement;
    this.refundExecutor = refundExecutor;
    this.tx = new TransactionTemplate(transactions);
    this.clock = clock;
    this.orderTtl = orderTtl;
  }

  @Override
  @Transactional(readOnly = true)
  public Quote quote(
      ItemRef item,
      UUID buyerId,
      String couponCode,
      UUID groupDealId,
      UUID groupId,
      Locale locale) {
    return pricing.quote(item, buyerId, couponCode, groupDealId, groupId, locale);
  }

  @Override
  public CheckoutStart checkout(CheckoutRequest r) {
    if (r.idempotencyKey() == null || !IDEMPOTENCY_KEY.matcher(r.idempotencyKey()).matches()) {
      throw DomainException.invalidField("idempotencyKey", "commerce.idempotency-key.invalid");
    }
    Optional<OrderRow> existing = orders.findByIdempotencyKey(r.buyerId(), r.idempotencyKey());
    if (existing.isPresent()) {
      return resume(existing.get(), r, true);
    }
    catalogs.checkBuyable(r.item(), r.buyerId());
    Quote quote =
        pricing.quote(
            r.item(), r.buyerId(), r.couponCode(), r.groupDealId(), r.groupId(), r.locale());
    if (!quote.problems().isEmpty()) {
      throw DomainException.invalid(quote.problems());
    }
    if (r.groupId() != null && groups.isMember(r.groupId(), r.buyerId())) {
      throw DomainException.conflict("group.already-in");
    }
    boolean free = quote.total().minor() == 0;
    PaymentGateway gateway = free ? null : gateways.active();
    Instant now = clock.instant();
    UUID orderId = UUID.randomUUID();
    UUID couponId =
        quote.couponCode().isEmpty() ? null : coupons.byCode(quote.couponCode()).orElseThrow().id();
    UUID groupId =
        r.groupId() != null ? r.groupId() : r.groupDealId() != null ? UUID.randomUUID() : null;
    OrderRow row =
        new OrderRow(
            orderId,
            r.buyerId(),
            r.item(),
            quote.item().title(),
            quote.total(),
            0,
            OrderStatus.PENDING,
            free ? FREE : gateway.id(),
            null,
            null,
            null,
            null,
            gateway != null && gateway.supportsRecurring() ? quote.item().recurringMonths() : 0,
            couponId,
            groupId,
            null,
            r.idempotencyKey(),
            now,
            now.plus(orderTtl),
            null,
            null,
            null);
    try {
      tx.executeWithoutResult(
          status -> {
            orders.insert(row, quote.lines());
            if (couponId != null) {
              String refused = coupons.take(couponId, r.buyerId());
              if (refused != null) {
                throw DomainException.invalidField("coupon", refused);
              }
            }
            if (r.groupDealId() != null && r.groupId() == null) {
              groups.open(
                  groupId, groups.deal(r.groupDealId()).orElseThrow(), r.buyerId(), orderId, now);
            } else if (r.groupId() != null) {
              String refused = groups.join(r.groupId(), r.buyerId(), orderId, now);
              if (refused != null) {
                throw DomainException.conflict(refused);
              }
            }
            if (free) {
              settlement.paid(row, FREE + ":" + orderId, now);
            }
          });
    } catch (DuplicateKeyException sameKey) {
      // The same request twice at the same moment: the other one made the order.
      return resume(
          orders.findByIdempotencyKey(r.buyerId(), r.idempotencyKey()).orElseThrow(), r, true);
    }
    if (free) {
      return new CheckoutStart(orderId, OrderStatus.PAID, returnUrl(r, orderId), null, false);
    }
    return start(row, gateway, r, false);
  }

  private CheckoutStart resume(OrderRow order, CheckoutRequest r, boolean existing) {
    if (order.status() != OrderStatus.PENDING) {
      return new CheckoutStart(
          order.id(), order.status(), returnUrl(r, order.id()), null, existing);
    }
    if (order.redirectUrl() != null) {
      return new CheckoutStart(order.id(), order.status(), order.redirectUrl(), null, existing);
    }
    if (!FREE.equals(order.gateway())) {
      // Not started yet (the first request is still talking to the provider), or a provider
      // whose page is a form (Alipay): ask again; providers answer the same order the same way.
      return start(order, gateways.get(order.gateway()), r, existing);
    }
    return new CheckoutStart(order.id(), order.status(), returnUrl(r, order.id()), null, existing);
  }

  private CheckoutStart start(
      OrderRow order, PaymentGateway gateway, CheckoutRequest r, boolean existing) {
    String base = r.baseUrl();
    CheckoutRedirect redirect;
    try {
      redirect =
          gateway.start(
              new PaymentRequest(
                  order.id(),
                  order.total(),
                  order.title(),
                  order.recurringMonths(),
                  returnUrl(r, order.id()),
                  base + "/checkout?item=" + order.item() + "&canceled=" + order.id(),
                  base + "/api/v1/payments/notify/" + gateway.id(),
                  "checkout-" + order.id(),
                  r.buyerEmail()));
    } catch (RuntimeException failed) {
      log.warn(
          "Gateway {} could not start a payment for order {}", gateway.id(), order.id(), failed);
      settlement.close(order, OrderStatus.CANCELED);
      throw DomainException.unavailable("gateway-unavailable");
    }
    orders.startedPayment(order.id(), redirect.sessionRef(), redirect.url());
    return new CheckoutStart(
        order.id(), OrderStatus.PENDING, redirect.url(), redirect.html(), existing);
  }

  private static String returnUrl(CheckoutRequest r, UUID orderId) {
    return r.baseUrl() + "/orders/" + orderId + "?returned";
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<OrderView> order(UUID orderId) {
    return orders.find(orderId).map(this::view);
  }

  @Override
  public String returnPath(ItemRef item, Locale locale) {
    return catalogs.find(item, null, locale).map(p -> p.returnPath()).orElse("/orders");
  }

  @Override
  @Transactional(readOnly = true)
  public List<org.guildhall.commerce.OfferView> runningOffers(String kind) {
    return offers.running(kind, clock.instant()).stream()
        .sorted(java.util.Comparator.comparing(OfferStore.Offer::endsAt))
        .map(OfferStore.Offer::view)
        .toList();
  }

  @Override
  public String activeGateway() {
    return gateways.active().id();
  }

  @Override
  @Transactional(readOnly = true)
  public KeysetPage<OrderView> ordersOf(UUID buyerId, Cursor after, int size) {
    List<OrderRow> rows = orders.byBuyer(buyerId, after, size + 1);
    return KeysetPage.of(rows, size, o -> new Cursor(o.createdAt(), o.id())).map(OrderRow::summary);
  }

  @Override
  @Transactional(readOnly = true)
  public boolean owns(UUID buyerId, ItemRef item) {
    return buyerId != null && orders.owns(buyerId, item);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<GroupDealView> groupDeal(ItemRef item) {
    return groups.dealsFor(item).stream()
        .findFirst()
        .map(d -> new GroupDealView(d.id(), d.item(), d.groupPrice(), d.size(), d.hoursToFill()));
  }

  @Override
  public OrderView refund(UUID orderId, long amountMinor, String reason, UUID actorId) {
    String why = reason == null ? "" : reason.strip();
    java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
    if (why.isEmpty() || why.length() > 500) {
      errors.put("reason", "refund.reason.required");
    }
    if (amountMinor <= 0) {
      errors.put("amount", "refund.amount.positive");
    }
    if (!errors.isEmpty()) {
      throw DomainException.invalid(errors);
    }
    UUID refundId = UUID.randomUUID();
    tx.executeWithoutResult(
        status -> {
          OrderRow order =
              orders
                  .lockForUpdate(orderId)
                  .orElseThrow(() -> DomainException.notFound("order-not-found"));
          if (order.status() != OrderStatus.PAID
              && order.status() != OrderStatus.PARTIALLY_REFUNDED) {
            throw DomainException.conflict("order-not-refundable");
          }
          if (FREE.equals(order.gateway())) {
            throw DomainException.conflict("order-not-refundable");
          }
          long open = order.total().minor() - refunds.committedMinor(orderId);
          if (amountMinor > open) {
            throw DomainException.invalidField("amount", "refund.amount.too-much");
          }
          refunds.request(
              refundId,
              orderId,
              new Money(amountMinor, order.total().currency()),
              why,
              false,
              actorId,
              "refund-" + refundId,
              clock.instant());
        });
    refundExecutor.execute(refundId);
    return order(orderId).orElseThrow();
  }

  @Override
  public String issueCoupon(String codePrefix, int percentOff, String scopeKind, Instant endsAt) {
    String code =
        (codePrefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 8))
            .toUpperCase(Locale.ROOT);
    Instant now = clock.instant();
    coupons.insert(
        new CouponStore.Coupon(
            UUID.randomUUID(),
            code,
            percentOff,
            null,
            scopeKind,
            null,
            now,
            endsAt,
            1,
            1,
            false,
            0,
            true,
            now));
    return code;
  }

  @Override
  public void stopSubscription(UUID orderId) {
    orders
        .find(orderId)
        .filter(o -> o.subscriptionRef() != null)
        .ifPresent(
            o ->
                gateways
                    .byId(o.gateway())
                    .ifPresent(
                        g ->
                            g.cancelSubscriptionAtPeriodEnd(
                                o.subscriptionRef(), "cancel-" + o.id())));
  }

  OrderView view(OrderRow o) {
    return o.view(orders.lines(o.id(), o.total().currency()), orders.refundViews(o.id()));
  }
}

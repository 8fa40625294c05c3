package org.guildhall.admin.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guildhall.commerce.CommerceAdminApi;
import org.guildhall.commerce.CommerceApi;
import org.guildhall.commerce.CouponForm;
import org.guildhall.commerce.CouponView;
import org.guildhall.commerce.OrderStatus;
import org.guildhall.commerce.OrderView;
import org.guildhall.identity.IdentityApi;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.web.AuthenticatedAccount;
import org.guildhall.shared.paging.KeysetPage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The owner's orders, refunds and coupons over JSON. Lists use the keyset paging envelope {@code
 * {items, next}}; amounts are in minor units (分 / cents) with their currency.
 */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Owner", description = "The owner's console (role OWNER)")
class AdminCommerceRestController {

  private final CommerceAdminApi admin;
  private final CommerceApi commerce;
  private final IdentityApi identity;

  AdminCommerceRestController(CommerceAdminApi admin, CommerceApi commerce, IdentityApi identity) {
    this.admin = admin;
    this.commerce = commerce;
    this.identity = identity;
  }

  /** An order over the API; {@code lines} and {@code refunds} only when one order is asked for. */
  record Order(
      UUID id,
      UUID buyerId,
      String item,
      String title,
      OrderStatus status,
      String currency,
      long totalMinor,
      long refundedMinor,
      long remainingMinor,
      String gateway,
      String paymentRef,
      String subscriptionRef,
      UUID groupId,
      Instant createdAt,
      Instant paidAt,
      Instant closedAt,
      List<Line> lines,
      List<Refund> refunds) {

    record Line(String kind, String label, long amountMinor) {}

    record Refund(
        UUID id,
        long amountMinor,
        String reason,
        String status,
        boolean automatic,
        Instant createdAt,
        Instant settledAt) {}

    static Order of(OrderView o, boolean detailed) {
      return new Order(
          o.id(),
          o.buyerId(),
          o.item().toString(),
          o.title(),
          o.status(),
          o.total().currency().getCurrencyCode(),
          o.total().minor(),
          o.refunded().minor(),
          o.remaining().minor(),
          o.gateway(),
          o.paymentRef(),
          o.subscriptionRef(),
          o.groupId(),
          o.createdAt(),
          o.paidAt(),
          o.closedAt(),
          detailed
              ? o.lines().stream()
                  .map(l -> new Line(l.kind(), l.label(), l.amount().minor()))
                  .toList()
              : null,
          detailed
              ? o.refunds().stream()
                  .map(
                      r ->
                          new Refund(
                              r.id(),
                              r.amount().minor(),
                              r.reason(),
                              r.status(),
                              r.automatic(),
                              r.createdAt(),
                              r.settledAt()))
                  .toList()
              : null);
    }
  }

  /** A refund request: the amount in minor units (at most what is left) and why. */
  record RefundRequest(Long amountMinor, String reason) {}

  /** A coupon over the API: the discount is either {@code percentOff} or {@code amountOffMinor}. */
  record Coupon(
      UUID id,
      String code,
      Integer percentOff,
      Long amountOffMinor,
      String currency,
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
      Instant createdAt) {

    static Coupon of(CouponView c) {
      return new Coupon(
          c.id(),
          c.code(),
          c.percentOff(),
          c.amountOff() == null ? null : c.amountOff().minor(),
          c.amountOff() == null ? null : c.amountOff().currency().getCurrencyCode(),
          c.scopeKind(),
          c.scopeKey(),
          c.startsAt(),
          c.endsAt(),
          c.totalLimit(),
          c.perPersonLimit(),
          c.firstPurchaseOnly(),
          c.active(),
          c.reserved(),
          c.paidUses(),
          c.createdAt());
    }
  }

  /**
   * A new coupon. Instants are ISO-8601 with an offset; {@code amountOffMinor} is in minor units of
   * the community currency; {@code active} defaults to true and {@code perPersonLimit} to 1.
   */
  record NewCoupon(
      String code,
      Integer percentOff,
      Long amountOffMinor,
      String scopeKind,
      String scopeKey,
      Instant startsAt,
      Instant endsAt,
      Integer totalLimit,
      Integer perPersonLimit,
      Boolean firstPurchaseOnly,
      Boolean active) {

    CouponForm toForm() {
      return new CouponForm(
          code,
          percentOff == null ? "" : percentOff.toString(),
          amountOffMinor == null
              ? ""
              : java.math.BigDecimal.valueOf(amountOffMinor, 2).toPlainString(),
          scopeKind,
          scopeKey,
          startsAt == null ? "" : startsAt.toString(),
          endsAt == null ? "" : endsAt.toString(),
          totalLimit == null ? "" : totalLimit.toString(),
          perPersonLimit == null ? "1" : perPersonLimit.toString(),
          firstPurchaseOnly,
          active == null ? Boolean.TRUE : active);
    }
  }

  @GetMapping("/orders")
  @Operation(
      summary = "Orders, newest first",
      description =
          "Filter by `status`, `gateway`, item `kind`, `from` and `to` (dates, both included,"
              + " UTC) and `q` (an order id prefix, a payment reference or a buyer's e-mail"
              + " address). Pass the previous page's `next` as `after` for the following page.")
  KeysetPage<Order> orders(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String gateway,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String after,
      @RequestParam(defaultValue = "25") int size) {
    if (size < 1 || size > 100) {
      throw DomainException.invalidField("size", "validation.page-size");
    }
    OrderQuery query = new OrderQuery(q, status, gateway, kind, from, to);
    return admin
        .orders(query.toFilterOrThrow(identity, ZoneOffset.UTC), after, size)
        .map(o -> Order.of(o, false));
  }

  @GetMapping("/orders/{id}")
  @Operation(summary = "One order with its price lines and refunds")
  Order order(@PathVariable UUID id) {
    return Order.of(
        commerce.order(id).orElseThrow(() -> DomainException.notFound("order-not-found")), true);
  }

  @PostMapping("/orders/{id}/refunds")
  @Operation(
      summary = "Refund (part of) a paid order",
      description =
          "Sends the refund through the order's gateway and answers with the order. The amount is"
              + " in minor units and at most what is left to refund; a reason is required.")
  Order refund(
      @AuthenticationPrincipal AuthenticatedAccount me,
      @PathVariable UUID id,
      @RequestBody RefundRequest request) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (request.amountMinor() == null || request.amountMinor() <= 0) {
      errors.put("amountMinor", "refund.amount.positive");
    }
    if (request.reason() == null || request.reason().isBlank()) {
      errors.put("reason", "refund.reason.required");
    }
    if (!errors.isEmpty()) {
      throw DomainException.invalid(errors);
    }
    try {
      return Order.of(
          commerce.refund(id, request.amountMinor(), request.reason(), me.accountId()), true);
    } catch (DomainException e) {
      throw renamed(e, "amount", "amountMinor");
    }
  }

  @GetMapping("/coupons")
  @Operation(summary = "Coupons, newest first, with their reserved and paid uses")
  KeysetPage<Coupon> coupons(
      @RequestParam(required = false) String after, @RequestParam(defaultValue = "25") int size) {
    if (size < 1 || size > 100) {
      throw DomainException.invalidField("size", "validation.page-size");
    }
    return admin.coupons(after, size).map(Coupon::of);
  }

  @PostMapping("/coupons")
  @Operation(
      summary = "Create a coupon",
      description =
          "Every field is checked at once; a 422 lists every field error and stores nothing.")
  ResponseEntity<Coupon> createCoupon(@RequestBody NewCoupon coupon) {
    CouponView created;
    try {
      created = admin.createCoupon(coupon.toForm(), ZoneOffset.UTC);
    } catch (DomainException e) {
      throw renamed(e, "amountOff", "amountOffMinor");
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(Coupon.of(created));
  }

  /**
   * The same refusal with one field renamed, so the API's errors name its JSON fields (the forms
   * take yuan, the API minor units).
   */
  private static DomainException renamed(DomainException e, String from, String to) {
    if (e.status() != HttpStatus.UNPROCESSABLE_ENTITY || !e.fieldErrors().containsKey(from)) {
      return e;
    }
    Map<String, String> errors = new LinkedHashMap<>();
    e.fieldErrors().forEach((field, key) -> errors.put(from.equals(field) ? to : field, key));
    return DomainException.invalid(errors);
  }
}

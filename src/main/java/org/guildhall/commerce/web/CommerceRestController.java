package org.guildhall.commerce.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.guildhall.commerce.CheckoutRequest;
import org.guildhall.commerce.CheckoutStart;
import org.guildhall.commerce.CommerceApi;
import org.guildhall.commerce.ItemRef;
import org.guildhall.commerce.OrderView;
import org.guildhall.commerce.PriceLine;
import org.guildhall.commerce.Quote;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.web.AuthenticatedAccount;
import org.guildhall.shared.Money;
import org.guildhall.shared.paging.Cursor;
import org.guildhall.shared.paging.KeysetPage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Prices, checkout and orders over JSON. Amounts are in minor units (分) with the currency. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Payments", description = "Quotes, checkout and orders")
class CommerceRestController {

  private final CommerceApi commerce;

  CommerceRestController(CommerceApi commerce) {
    this.commerce = commerce;
  }

  record Amount(long minor, String currency) {
    static Amount of(Money money) {
      return new Amount(money.minor(), money.currency().getCurrencyCode());
    }
  }

  record Line(String kind, String label, Amount amount) {
    static Line of(PriceLine line) {
      return new Line(line.kind(), line.label(), Amount.of(line.amount()));
    }
  }

  record QuoteJson(
      String item,
      String title,
      List<Line> lines,
      Amount total,
      String offerEndsAt,
      java.util.Map<String, String> problems) {}

  /** {@code item} is {@code kind/key}, e.g. {@code membership/premium:YEARLY}. */
  record CheckoutJson(String item, String coupon, UUID groupDealId, UUID groupId) {}

  record CheckoutResult(UUID orderId, String status, String redirectUrl, boolean existing) {}

  record Refund(UUID id, Amount amount, String reason, String status, String createdAt) {}

  record OrderJson(
      UUID id,
      String item,
      String title,
      String status,
      Amount total,
      Amount refunded,
      String gateway,
      String createdAt,
      String paidAt,
      List<Line> lines,
      List<Refund> refunds) {
    static OrderJson of(OrderView o) {
      return new OrderJson(
          o.id(),
          o.item().toString(),
          o.title(),
          o.status().name(),
          Amount.of(o.total()),
          Amount.of(o.refunded()),
          o.gateway(),
          o.createdAt().toString(),
          o.paidAt() == null ? null : o.paidAt().toString(),
          o.lines().stream().map(Line::of).toList(),
          o.refunds().stream()
              .map(
                  r ->
                      new Refund(
                          r.id(),
                          Amount.of(r.amount()),
                          r.reason(),
                          r.status(),
                          r.createdAt().toString()))
              .toList());
    }
  }

  @GetMapping("/quotes")
  @Operation(summary = "Price an item for the caller (or a visitor): every line and the total")
  QuoteJson quote(
      @AuthenticationPrincipal AuthenticatedAccount me,
      @Parameter(description = "kind/key, e.g. membership/premium:YEARLY") @RequestParam
          String item,
      @RequestParam(required = false) String coupon,
      @RequestParam(required = false) UUID groupDealId,
      @RequestParam(required = false) UUID groupId,
      Locale locale) {
    ItemRef ref = parse(item);
    Quote q =
        commerce.quote(
            ref, me == null ? null : me.accountId(), coupon, groupDealId, groupId, locale);
    return new QuoteJson(
        ref.toString(),
        q.item().title(),
        q.lines().stream().map(Line::of).toList(),
        Amount.of(q.total()),
        q.offerEndsAt() == null ? null : q.offerEndsAt().toString(),
        q.problems());
  }

  @PostMapping("/checkout")
  @Operation(
      summary = "Make an order and start its payment",
      description =
          "The Idempotency-Key header (8–100 characters) makes a retried request return the same"
              + " order. Send the buyer to redirectUrl; the order is paid when the provider"
              + " confirms it.")
  CheckoutResult checkout(
      @AuthenticationPrincipal AuthenticatedAccount me,
      @RequestHeader(name = "Idempotency-Key", required = false) String key,
      @RequestBody CheckoutJson body,
      Locale locale) {
    if (body == null || body.item() == null) {
      throw DomainException.invalidField("item", "problem.item-not-found");
    }
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    CheckoutStart start =
        commerce.checkout(
            new CheckoutRequest(
                me.accountId(),
                null,
                parse(body.item()),
                body.coupon(),
                body.groupDealId(),
                body.groupId(),
                key,
                locale,
                base));
    return new CheckoutResult(
        start.orderId(), start.status().name(), start.redirectUrl(), start.existing());
  }

  @GetMapping("/orders")
  @Operation(summary = "The caller's orders, newest first (keyset pages)")
  KeysetPage<OrderJson> orders(
      @AuthenticationPrincipal AuthenticatedAccount me,
      @RequestParam(required = false) String after,
      @RequestParam(defaultValue = "20") int size) {
    return commerce
        .ordersOf(
            me.accountId(), Cursor.decode(after).orElse(null), Math.max(1, Math.min(size, 100)))
        .map(OrderJson::of);
  }

  @GetMapping("/orders/{id}")
  @Operation(summary = "One of the caller's orders, with its price lines and refunds")
  OrderJson order(@AuthenticationPrincipal AuthenticatedAccount me, @PathVariable UUID id) {
    return commerce
        .order(id)
        .filter(o -> o.buyerId().equals(me.accountId()))
        .map(OrderJson::of)
        .orElseThrow(() -> DomainException.notFound("order-not-found"));
  }

  private static ItemRef parse(String item) {
    return ItemRef.parse(item).orElseThrow(() -> DomainException.notFound("item-not-found"));
  }
}

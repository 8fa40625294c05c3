package org.guildhall.admin.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.guildhall.commerce.CommerceAdminApi;
import org.guildhall.commerce.CommerceApi;
import org.guildhall.commerce.OrderFilter;
import org.guildhall.commerce.OrderStatus;
import org.guildhall.commerce.OrderView;
import org.guildhall.identity.AccountId;
import org.guildhall.identity.AccountSummary;
import org.guildhall.identity.IdentityApi;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.web.AuthenticatedAccount;
import org.guildhall.platform.web.Ctx;
import org.guildhall.platform.web.Flash;
import org.guildhall.platform.web.FormErrors;
import org.guildhall.shared.Money;
import org.guildhall.shared.paging.KeysetPage;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owner's orders: every order with filters and "load more" paging, a CSV export of everything
 * the filters match, and one order with its price lines, payments and refunds and a refund form.
 */
@Controller
class AdminOrdersController {

  static final int PAGE_SIZE = 25;

  private final CommerceAdminApi admin;
  private final CommerceApi commerce;
  private final IdentityApi identity;
  private final Clock clock;

  AdminOrdersController(
      CommerceAdminApi admin, CommerceApi commerce, IdentityApi identity, Clock clock) {
    this.admin = admin;
    this.commerce = commerce;
    this.identity = identity;
    this.clock = clock;
  }

  @GetMapping("/admin/orders")
  ModelAndView list(
      @ModelAttribute("ctx") Ctx ctx,
      OrderQuery query,
      @RequestParam(required = false) String after,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      HttpServletResponse response) {
    OrderFilter filter = query.toFilter(identity, ctx.i18n().zone(), new HashMap<>());
    KeysetPage<OrderView> page = admin.orders(filter, after, PAGE_SIZE);
    Map<String, Object> model = new HashMap<>();
    model.put("ctx", ctx);
    model.put("page", page);
    model.put("query", query);
    model.put("buyers", buyers(page.items()));
    model.put(
        "moreUrl", page.hasNext() ? query.url("/admin/orders", "after=" + page.next()) : null);
    // The same URL answers with a page or a fragment: caches must keep them apart.
    response.addHeader("Vary", "HX-Request");
    if ("true".equals(htmx) && after != null) {
      return new ModelAndView("admin/orders-rows", model);
    }
    model.put("statuses", List.of(OrderStatus.values()));
    model.put("gateways", admin.orderGateways());
    model.put("kinds", admin.itemKinds());
    model.put("exportUrl", query.url("/admin/orders.csv", null));
    return new ModelAndView("admin/orders", model);
  }

  /** Every order the filters match, streamed as CSV in batches. */
  @GetMapping("/admin/orders.csv")
  void export(@ModelAttribute("ctx") Ctx ctx, OrderQuery query, HttpServletResponse response)
      throws IOException {
    OrderFilter filter = query.toFilter(identity, ctx.i18n().zone(), new HashMap<>());
    String day =
        DateTimeFormatter.BASIC_ISO_DATE.withZone(ctx.i18n().zone()).format(clock.instant());
    response.setContentType("text/csv; charset=UTF-8");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Content-Disposition", "attachment; filename=\"orders-" + day + ".csv\"");
    response.setHeader("Cache-Control", "no-store");
    Writer out = response.getWriter();
    admin.exportOrders(filter, out);
    out.flush();
  }

  @GetMapping("/admin/orders/{id}")
  ModelAndView order(@ModelAttribute("ctx") Ctx ctx, @PathVariable UUID id) {
    OrderView order = load(id);
    return orderPage(ctx, order, refundDefaults(order), FormErrors.none(), HttpStatus.OK);
  }

  @PostMapping("/admin/orders/{id}/refunds")
  ModelAndView refund(
      @ModelAttribute("ctx") Ctx ctx,
      @AuthenticationPrincipal AuthenticatedAccount me,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String amount,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes flash) {
    OrderView order = load(id);
    RefundForm form = new RefundForm(amount, reason);
    Money refunded;
    try {
      Map<String, String> errors = new LinkedHashMap<>();
      Long minor = minor(amount, order.total(), errors);
      if (reason.isBlank()) {
        errors.put("reason", "refund.reason.required");
      }
      if (!errors.isEmpty()) {
        throw DomainException.invalid(errors);
      }
      refunded = new Money(minor, order.total().currency());
      commerce.refund(id, minor, reason, me.accountId());
    } catch (DomainException e) {
      if (e.status() == HttpStatus.NOT_FOUND) {
        throw e;
      }
      // the order as it is now, with what the owner typed
      return orderPage(ctx, load(id), form, FormErrors.of(e, ctx), e.status());
    }
    Flash.success(flash, "admin.orders.refund.done", ctx.money(refunded));
    return new ModelAndView("redirect:/admin/orders/" + id);
  }

  /** The amount as typed (yuan, at most two decimals) in minor units, or null and an error. */
  static Long minor(String amount, Money of, Map<String, String> errors) {
    try {
      BigDecimal major = new BigDecimal(amount.strip());
      int digits = of.currency().getDefaultFractionDigits();
      if (major.signum() <= 0 || major.scale() > digits) {
        errors.put("amount", "validation.refund.amount");
        return null;
      }
      return major.movePointRight(digits).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      errors.put("amount", "validation.refund.amount");
      return null;
    }
  }

  /** What the refund form shows: the remaining amount, and no reason yet. */
  record RefundForm(String amount, String reason) {}

  private static RefundForm refundDefaults(OrderView order) {
    Money remaining = order.remaining();
    return new RefundForm(remaining.minor() > 0 ? remaining.toMajor().toPlainString() : "", "");
  }

  private OrderView load(UUID id) {
    return commerce.order(id).orElseThrow(() -> DomainException.notFound("order-not-found"));
  }

  /** The buyers of a page's orders: two statements however many rows. */
  private Map<UUID, AccountSummary> buyers(List<OrderView> orders) {
    if (orders.isEmpty()) {
      return Map.of();
    }
    return identity
        .findAll(orders.stream().map(o -> new AccountId(o.buyerId())).collect(Collectors.toSet()))
        .entrySet()
        .stream()
        .collect(Collectors.toMap(e -> e.getKey().value(), Map.Entry::getValue));
  }

  private ModelAndView orderPage(
      Ctx ctx, OrderView order, RefundForm form, FormErrors errors, HttpStatus status) {
    Map<String, Object> model = new HashMap<>();
    model.put("ctx", ctx);
    model.put("order", order);
    model.put("buyer", identity.find(new AccountId(order.buyerId())).orElse(null));
    model.put("notifications", admin.notifications(order.id()));
    model.put("amount", form.amount());
    model.put("reason", form.reason());
    model.put("errors", errors);
    model.put("refundable", refundable(order));
    return new ModelAndView("admin/order", model, status);
  }

  static boolean refundable(OrderView order) {
    return (order.status() == OrderStatus.PAID || order.status() == OrderStatus.PARTIALLY_REFUNDED)
        && !"free".equals(order.gateway())
        && order.remaining().minor() > 0;
  }
}

package org.guildhall.commerce.web;

import java.util.Map;
import java.util.UUID;
import org.guildhall.commerce.CommerceApi;
import org.guildhall.commerce.OrderView;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.web.Ctx;
import org.guildhall.shared.paging.Cursor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The member's orders: the history (newest first, keyset "load more") and each order's printable
 * receipt. Right after paying, the receipt page waits for the provider's notification and then
 * sends the member on to what they bought.
 */
@Controller
class OrdersController {

  static final int PAGE = 20;

  private final CommerceApi commerce;

  OrdersController(CommerceApi commerce) {
    this.commerce = commerce;
  }

  @GetMapping("/orders")
  ModelAndView history(
      @ModelAttribute("ctx") Ctx ctx,
      @RequestParam(name = "after", required = false) String after,
      @RequestHeader(name = "HX-Request", required = false) String htmx) {
    var page = commerce.ordersOf(ctx.viewer().id(), Cursor.decode(after).orElse(null), PAGE);
    return new ModelAndView(
        "true".equals(htmx) ? "commerce/order-rows" : "commerce/orders",
        Map.of("ctx", ctx, "page", page));
  }

  @GetMapping("/orders/{id}")
  ModelAndView receipt(
      @ModelAttribute("ctx") Ctx ctx,
      @PathVariable UUID id,
      @RequestParam(name = "returned", required = false) String returned,
      jakarta.servlet.http.HttpSession session) {
    OrderView order = visible(ctx, id);
    ModelAndView mav = new ModelAndView("commerce/order");
    mav.addObject("order", order);
    mav.addObject("returned", returned != null);
    mav.addObject(
        "next",
        ReturnPaths.of(
            session, order.id(), commerce.returnPath(order.item(), ctx.i18n().locale())));
    if (order.groupId() != null && order.status().paid()) {
      // the link that brings others into this group buy
      mav.addObject(
          "shareUrl",
          ServletUriComponentsBuilder.fromCurrentContextPath()
              .path("/checkout")
              .queryParam("item", order.item().toString())
              .queryParam("group", order.groupId())
              .build()
              .toUriString());
    }
    return mav;
  }

  /** WeChat Pay Native: the QR code to scan with WeChat, and the payment's status. */
  @GetMapping("/orders/{id}/wechat")
  ModelAndView wechat(
      @ModelAttribute("ctx") Ctx ctx,
      @PathVariable UUID id,
      jakarta.servlet.http.HttpSession session) {
    OrderView order = visible(ctx, id);
    if (order.paymentUrl() == null || !order.paymentUrl().startsWith("weixin://")) {
      return new ModelAndView("redirect:/orders/" + id + "?returned");
    }
    return new ModelAndView(
        "commerce/wechat",
        Map.of(
            "ctx",
            ctx,
            "order",
            order,
            "qr",
            org.guildhall.platform.web.QrCodes.svg(order.paymentUrl(), ctx.msg("wechat.qr")),
            "next",
            ReturnPaths.of(
                session, order.id(), commerce.returnPath(order.item(), ctx.i18n().locale()))));
  }

  /** Polled by the receipt page while the payment is being confirmed. */
  @GetMapping("/orders/{id}/status")
  ModelAndView status(
      @ModelAttribute("ctx") Ctx ctx,
      @PathVariable UUID id,
      jakarta.servlet.http.HttpServletResponse response,
      jakarta.servlet.http.HttpSession session) {
    OrderView order = visible(ctx, id);
    if (order.status() != org.guildhall.commerce.OrderStatus.PENDING) {
      // the whole receipt changed: reload it (it no longer polls)
      response.setHeader("HX-Refresh", "true");
    }
    return new ModelAndView(
        "commerce/order-status",
        Map.of(
            "ctx",
            ctx,
            "order",
            order,
            "next",
            ReturnPaths.of(
                session, order.id(), commerce.returnPath(order.item(), ctx.i18n().locale()))));
  }

  /** The buyer's own order, or any for the owner; otherwise it does not exist. */
  private OrderView visible(Ctx ctx, UUID id) {
    return commerce
        .order(id)
        .filter(o -> o.buyerId().equals(ctx.viewer().id()) || ctx.isOwner())
        .orElseThrow(() -> DomainException.notFound("order-not-found"));
  }
}

package org.guildhall.commerce.web;

import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.UUID;
import org.guildhall.commerce.CheckoutRequest;
import org.guildhall.commerce.CheckoutStart;
import org.guildhall.commerce.CommerceApi;
import org.guildhall.commerce.ItemRef;
import org.guildhall.commerce.Quote;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.web.Ctx;
import org.guildhall.platform.web.FormErrors;
import org.guildhall.platform.web.SafeRedirects;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The checkout page: the server's full price computation for this buyer (list price, member and
 * loyalty prices, upgrade credit, offer with its countdown, group price, coupon, total), a coupon
 * field that re-prices in place (htmx), and the pay button. The form carries an idempotency key
 * made when the page was rendered, so a double click makes one order.
 */
@Controller
class CheckoutController {

  private final CommerceApi commerce;

  CheckoutController(CommerceApi commerce) {
    this.commerce = commerce;
  }

  @GetMapping("/checkout")
  ModelAndView checkout(
      @ModelAttribute("ctx") Ctx ctx,
      @RequestParam(name = "item", required = false) String item,
      @RequestParam(name = "coupon", required = false) String coupon,
      @RequestParam(name = "deal", required = false) UUID deal,
      @RequestParam(name = "group", required = false) UUID group,
      @RequestParam(name = "canceled", required = false) String canceled,
      @RequestParam(name = "return", required = false) String returnTo,
      @RequestHeader(name = "HX-Request", required = false) String htmx) {
    ItemRef ref = ItemRef.parse(item).orElseThrow(() -> DomainException.notFound("item-not-found"));
    Quote quote = commerce.quote(ref, ctx.viewer().id(), coupon, deal, group, ctx.i18n().locale());
    FormErrors errors =
        quote.problems().isEmpty()
            ? FormErrors.none()
            : FormErrors.of(DomainException.invalid(quote.problems()), ctx);
    return page(
        ctx,
        "true".equals(htmx) ? "commerce/quote-summary" : "commerce/checkout",
        ref,
        quote,
        deal,
        group,
        errors,
        canceled != null,
        HttpStatus.OK,
        returnTo);
  }

  @PostMapping("/checkout")
  ModelAndView pay(
      @ModelAttribute("ctx") Ctx ctx,
      @RequestParam("item") String item,
      @RequestParam(name = "coupon", required = false) String coupon,
      @RequestParam(name = "deal", required = false) UUID deal,
      @RequestParam(name = "group", required = false) UUID group,
      @RequestParam(name = "key", required = false) String key,
      @RequestParam(name = "return", required = false) String returnTo,
      HttpSession session) {
    ItemRef ref = ItemRef.parse(item).orElseThrow(() -> DomainException.notFound("item-not-found"));
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    try {
      CheckoutStart start =
          commerce.checkout(
              new CheckoutRequest(
                  ctx.viewer().id(),
                  null,
                  ref,
                  coupon,
                  deal,
                  group,
                  key,
                  ctx.i18n().locale(),
                  base));
      ReturnPaths.remember(session, start.orderId(), returnTo);
      if (start.html() != null) {
        return new ModelAndView(
            "commerce/redirect-form", Map.of("ctx", ctx, "form", ProviderForm.safe(start.html())));
      }
      if (start.redirectUrl() != null && start.redirectUrl().startsWith("weixin://")) {
        // WeChat Pay Native: a QR code to scan with the WeChat app, on our own page
        return new ModelAndView("redirect:/orders/" + start.orderId() + "/wechat");
      }
      return new ModelAndView("redirect:" + start.redirectUrl());
    } catch (DomainException refused) {
      Quote quote = commerce.quote(ref, ctx.viewer().id(), null, deal, group, ctx.i18n().locale());
      return page(
          ctx,
          "commerce/checkout",
          ref,
          quote,
          deal,
          group,
          FormErrors.of(refused, ctx),
          false,
          refused.status(),
          returnTo);
    }
  }

  private ModelAndView page(
      Ctx ctx,
      String view,
      ItemRef ref,
      Quote quote,
      UUID deal,
      UUID group,
      FormErrors errors,
      boolean canceled,
      HttpStatus status,
      String returnTo) {
    ModelAndView mav = new ModelAndView(view);
    mav.addObject("returnTo", SafeRedirects.localPathOr(returnTo, ""));
    mav.addObject("item", ref.toString());
    mav.addObject("quote", quote);
    mav.addObject("deal", deal == null ? "" : deal.toString());
    mav.addObject("group", group == null ? "" : group.toString());
    mav.addObject("key", "co-" + UUID.randomUUID());
    mav.addObject("gateway", commerce.activeGateway());
    mav.addObject("errors", errors);
    mav.addObject("canceled", canceled);
    mav.setStatus(status);
    return mav;
  }
}

package org.guildhall.membership.web;

import java.util.List;
import org.guildhall.membership.BillingPeriod;
import org.guildhall.membership.MembershipApi;
import org.guildhall.membership.MembershipView;
import org.guildhall.membership.TierView;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.web.Ctx;
import org.guildhall.platform.web.Flash;
import org.guildhall.platform.web.FormErrors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Gift and bulk codes: buy codes for a plan (an organisation for its people, or a gift), see them
 * and whether they were redeemed, and redeem one.
 */
@Controller
class GiftController {

  private final MembershipApi membership;

  GiftController(MembershipApi membership) {
    this.membership = membership;
  }

  @GetMapping("/membership/gifts")
  ModelAndView gifts(@ModelAttribute("ctx") Ctx ctx) {
    return page(ctx, FormErrors.none(), "", "1", HttpStatus.OK);
  }

  /** Validates the choice and sends the buyer to checkout for the codes. */
  @PostMapping("/membership/gifts")
  ModelAndView buy(
      @ModelAttribute("ctx") Ctx ctx,
      @RequestParam(name = "plan", defaultValue = "") String plan,
      @RequestParam(name = "quantity", defaultValue = "") String quantity) {
    java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
    String[] parts = plan.split(":", 2);
    TierView tier =
        parts.length == 2
            ? membership.tiers(ctx.i18n().locale()).stream()
                .filter(t -> t.slug().equals(parts[0]))
                .findFirst()
                .orElse(null)
            : null;
    BillingPeriod period = null;
    try {
      period = parts.length == 2 ? BillingPeriod.valueOf(parts[1]) : null;
    } catch (IllegalArgumentException unknown) {
      period = null;
    }
    if (tier == null
        || period == null
        || period == BillingPeriod.LIFETIME
        || tier.price(period).isEmpty()) {
      errors.put("plan", "gift.plan.required");
    }
    int count = 0;
    try {
      count = Integer.parseInt(quantity.strip());
    } catch (NumberFormatException notANumber) {
      count = 0;
    }
    if (count < 1 || count > 500) {
      errors.put("quantity", "gift.quantity.range");
    }
    if (!errors.isEmpty()) {
      return page(
          ctx,
          FormErrors.of(DomainException.invalid(errors), ctx),
          plan,
          quantity,
          HttpStatus.UNPROCESSABLE_ENTITY);
    }
    return new ModelAndView(
        "redirect:/checkout?item=" + membership.giftItem(tier.slug(), period, count));
  }

  @GetMapping("/redeem")
  ModelAndView redeemForm(
      @ModelAttribute("ctx") Ctx ctx, @RequestParam(name = "code", defaultValue = "") String code) {
    return redeemPage(ctx, FormErrors.none(), code, HttpStatus.OK);
  }

  @PostMapping("/redeem")
  ModelAndView redeem(
      @ModelAttribute("ctx") Ctx ctx,
      @RequestParam(name = "code", defaultValue = "") String code,
      RedirectAttributes flash) {
    try {
      MembershipView granted = membership.redeem(ctx.viewer().id(), code);
      Flash.success(
          flash,
          "gift.redeemed",
          granted.currentPeriodEnd() == null ? "" : ctx.dateTime(granted.currentPeriodEnd()));
      return new ModelAndView("redirect:/membership");
    } catch (DomainException refused) {
      return redeemPage(ctx, FormErrors.of(refused, ctx), code, refused.status());
    }
  }

  private ModelAndView page(
      Ctx ctx, FormErrors errors, String plan, String quantity, HttpStatus status) {
    ModelAndView mav = new ModelAndView("membership/gifts");
    mav.addObject("codes", membership.giftCodes(ctx.viewer().id(), ctx.i18n().locale()));
    mav.addObject(
        "tiers", membership.tiers(ctx.i18n().locale()).stream().filter(t -> !t.isFree()).toList());
    mav.addObject(
        "periods", List.of(BillingPeriod.MONTHLY, BillingPeriod.QUARTERLY, BillingPeriod.YEARLY));
    mav.addObject("errors", errors);
    mav.addObject("plan", plan);
    mav.addObject("quantity", quantity);
    mav.setStatus(status);
    return mav;
  }

  private ModelAndView redeemPage(Ctx ctx, FormErrors errors, String code, HttpStatus status) {
    ModelAndView mav = new ModelAndView("membership/redeem");
    mav.addObject("errors", errors);
    mav.addObject("code", code);
    mav.setStatus(status);
    return mav;
  }
}

package org.guildhall.membership.web;

import java.util.Comparator;
import java.util.List;
import org.guildhall.membership.AccessDecision;
import org.guildhall.membership.AccessRule;
import org.guildhall.membership.BillingPeriod;
import org.guildhall.membership.MembershipApi;
import org.guildhall.membership.MembershipDetails;
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
 * The member's own membership page: tier, state, next charge or end date, history, and the buttons
 * to renew, upgrade (credited now), downgrade or cancel (at the period end, with the reason survey)
 * and resume. Without a membership it shows the ways in, cheapest first.
 */
@Controller
class MembershipController {

  private final MembershipApi membership;

  MembershipController(MembershipApi membership) {
    this.membership = membership;
  }

  @GetMapping("/membership")
  ModelAndView page(@ModelAttribute("ctx") Ctx ctx) {
    return page(ctx, FormErrors.none(), null, null, HttpStatus.OK);
  }

  @PostMapping("/membership/cancel")
  ModelAndView cancel(
      @ModelAttribute("ctx") Ctx ctx,
      @RequestParam(name = "reason", required = false) String reason,
      @RequestParam(name = "comment", required = false) String comment,
      RedirectAttributes flash) {
    try {
      membership.cancel(ctx.viewer().id(), reason, comment);
      Flash.success(flash, "membership.cancel.done");
      return new ModelAndView("redirect:/membership");
    } catch (DomainException e) {
      return page(ctx, FormErrors.of(e, ctx), reason, comment, e.status());
    }
  }

  @PostMapping("/membership/resume")
  String resume(@ModelAttribute("ctx") Ctx ctx, RedirectAttributes flash) {
    try {
      membership.resume(ctx.viewer().id());
      Flash.success(flash, "membership.resume.done");
    } catch (DomainException e) {
      Flash.error(flash, "problem." + e.code());
    }
    return "redirect:/membership";
  }

  @PostMapping("/membership/downgrade")
  ModelAndView downgrade(
      @ModelAttribute("ctx") Ctx ctx,
      @RequestParam(name = "plan", required = false) String plan,
      RedirectAttributes flash) {
    try {
      String[] parts = plan == null ? new String[0] : plan.split(":", 2);
      BillingPeriod billing = null;
      if (parts.length == 2) {
        try {
          billing = BillingPeriod.valueOf(parts[1]);
        } catch (IllegalArgumentException unknown) {
          billing = null;
        }
      }
      membership.downgrade(ctx.viewer().id(), parts.length == 2 ? parts[0] : "", billing);
      Flash.success(flash, "membership.downgrade.done");
      return new ModelAndView("redirect:/membership");
    } catch (DomainException e) {
      return page(ctx, FormErrors.of(e, ctx), null, null, e.status());
    }
  }

  @PostMapping("/membership/downgrade/cancel")
  String keepPlan(@ModelAttribute("ctx") Ctx ctx, RedirectAttributes flash) {
    membership.cancelDowngrade(ctx.viewer().id());
    Flash.success(flash, "membership.downgrade.kept");
    return "redirect:/membership";
  }

  private ModelAndView page(
      Ctx ctx, FormErrors errors, String reason, String comment, HttpStatus status) {
    MembershipDetails details = membership.details(ctx.viewer().id(), ctx.i18n().locale());
    List<TierView> tiers = membership.tiers(ctx.i18n().locale());
    int lowestPaid =
        tiers.stream()
            .filter(t -> !t.isFree())
            .map(TierView::rank)
            .min(Comparator.naturalOrder())
            .orElse(0);
    AccessDecision waysIn =
        details.membership() == null
            ? membership.access(
                ctx.viewer().id(), AccessRule.members(lowestPaid), ctx.i18n().locale())
            : null;
    ModelAndView mav = new ModelAndView("membership/account");
    mav.addObject("details", details);
    mav.addObject("tiers", tiers);
    mav.addObject("waysIn", waysIn);
    mav.addObject("reasons", membership.cancelReasons());
    mav.addObject("errors", errors);
    mav.addObject("reason", reason == null ? "" : reason);
    mav.addObject("comment", comment == null ? "" : comment);
    mav.setStatus(status);
    return mav;
  }
}

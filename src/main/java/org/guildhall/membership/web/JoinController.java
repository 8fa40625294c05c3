package org.guildhall.membership.web;

import org.guildhall.membership.BillingPeriod;
import org.guildhall.membership.MembershipApi;
import org.guildhall.membership.MembershipStanding;
import org.guildhall.platform.web.Ctx;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The public "Join" page: tiers side by side, monthly or yearly, with the yearly saving. */
@Controller
class JoinController {

  private final MembershipApi membership;
  private final org.guildhall.commerce.CommerceApi commerce;

  JoinController(MembershipApi membership, org.guildhall.commerce.CommerceApi commerce) {
    this.membership = membership;
    this.commerce = commerce;
  }

  @GetMapping("/join")
  String join(
      @ModelAttribute("ctx") Ctx ctx,
      @RequestParam(name = "billing", defaultValue = "yearly") String billing,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Model model) {
    var tiers = membership.tiers(ctx.i18n().locale());
    model.addAttribute("tiers", tiers);
    model.addAttribute(
        "billing", "monthly".equals(billing) ? BillingPeriod.MONTHLY : BillingPeriod.YEARLY);
    MembershipStanding standing = membership.standing(ctx.signedIn() ? ctx.viewer().id() : null);
    model.addAttribute("membership", standing.membership());
    model.addAttribute("trialAvailable", standing.trialAvailable());
    // offers on plans shown here (one on a hidden tier is not advertised)
    model.addAttribute(
        "offers",
        commerce.runningOffers("membership").stream()
            .filter(
                o ->
                    o.scopeKey() == null
                        || tiers.stream()
                            .anyMatch(
                                t ->
                                    o.scopeKey().equals(t.slug())
                                        || o.scopeKey().startsWith(t.slug() + ":")))
            .toList());
    // The monthly/yearly switch swaps only the grid.
    return "true".equals(htmx) ? "membership/tier-grid" : "membership/join";
  }
}

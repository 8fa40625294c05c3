package org.guildhall.membership.web;

import org.guildhall.membership.MembershipApi;
import org.guildhall.membership.MembershipView;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.web.AuthenticatedAccount;
import org.guildhall.platform.web.Ctx;
import org.guildhall.platform.web.Flash;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Start free trial" on a tier card. */
@Controller
class TrialController {

  private final MembershipApi membership;

  TrialController(MembershipApi membership) {
    this.membership = membership;
  }

  @PostMapping("/membership/trial")
  String startTrial(
      @ModelAttribute("ctx") Ctx ctx,
      @AuthenticationPrincipal AuthenticatedAccount me,
      @RequestParam(defaultValue = "") String tier,
      @RequestParam(name = "return", required = false) String returnTo,
      RedirectAttributes flash) {
    try {
      MembershipView started = membership.startTrial(me.accountId(), tier);
      Flash.success(flash, "membership.trial.started", ctx.dateTime(started.currentPeriodEnd()));
    } catch (DomainException e) {
      Flash.error(flash, "problem." + e.code());
    }
    return "redirect:"
        + org.guildhall.platform.web.SafeRedirects.localPathOr(returnTo, "/#tiers-title");
  }
}

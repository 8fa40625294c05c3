package org.guildhall.site.web;

import org.guildhall.membership.MembershipApi;
import org.guildhall.membership.MembershipStanding;
import org.guildhall.platform.web.Ctx;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** The home page and the navigation's sections. */
@Controller
class HomeController {

  private final MembershipApi membership;

  HomeController(MembershipApi membership) {
    this.membership = membership;
  }

  @GetMapping("/")
  String home(@ModelAttribute("ctx") Ctx ctx, Model model) {
    model.addAttribute("tiers", membership.tiers(ctx.i18n().locale()));
    MembershipStanding standing = membership.standing(ctx.signedIn() ? ctx.viewer().id() : null);
    model.addAttribute("membership", standing.membership());
    model.addAttribute("trialAvailable", standing.trialAvailable());
    return "site/home";
  }

  /**
   * Sections whose content arrives with later capabilities; until then they show an empty state.
   */
  @GetMapping("/{section:community|events|leaderboard}")
  String section(@PathVariable String section, Model model) {
    model.addAttribute("section", section);
    return "site/section";
  }
}

package org.guildhall.site.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.guildhall.content.ContentApi;
import org.guildhall.content.ItemCard;
import org.guildhall.learning.LearningApi;
import org.guildhall.membership.MembershipApi;
import org.guildhall.membership.MembershipStanding;
import org.guildhall.membership.Reader;
import org.guildhall.platform.demo.DemoMode;
import org.guildhall.platform.web.Ctx;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** The home page and the navigation's sections. */
@Controller
class HomeController {

  private final MembershipApi membership;
  private final ContentApi content;
  private final LearningApi learning;
  private final DemoMode demo;

  HomeController(
      MembershipApi membership, ContentApi content, LearningApi learning, DemoMode demo) {
    this.membership = membership;
    this.content = content;
    this.learning = learning;
    this.demo = demo;
  }

  @GetMapping("/")
  String home(@ModelAttribute("ctx") Ctx ctx, Model model) {
    model.addAttribute("demoSeeding", demo.seeding());
    model.addAttribute("tiers", membership.tiers(ctx.i18n().locale()));
    MembershipStanding standing = membership.standing(ctx.signedIn() ? ctx.viewer().id() : null);
    model.addAttribute("membership", standing.membership());
    model.addAttribute("trialAvailable", standing.trialAvailable());
    Reader reader = content.reader(ctx.signedIn() ? ctx.viewer().id() : null);
    if (ctx.signedIn()) {
      model.addAttribute("continuing", learning.continueLearning(ctx.viewer().id(), 3));
    }
    List<ItemCard> fresh = content.newThisWeek(reader, 6);
    model.addAttribute("fresh", fresh);
    Set<java.util.UUID> shown = fresh.stream().map(ItemCard::id).collect(Collectors.toSet());
    model.addAttribute(
        "popular",
        content.popular(reader, 9).stream().filter(c -> !shown.contains(c.id())).limit(3).toList());
    return "site/home";
  }

  /**
   * Polled by the home page's notice while the demo community is being seeded (a first start): 204
   * until it is done, then htmx reloads the page.
   */
  @GetMapping("/demo/status")
  ResponseEntity<Void> demoStatus() {
    return demo.seeding()
        ? ResponseEntity.noContent().build()
        : ResponseEntity.ok().header("HX-Refresh", "true").build();
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

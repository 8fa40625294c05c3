package org.guildhall.admin.web;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.guildhall.commerce.CommerceAdminApi;
import org.guildhall.commerce.GroupBuyView;
import org.guildhall.commerce.GroupDealForm;
import org.guildhall.commerce.GroupDealSummary;
import org.guildhall.identity.AccountId;
import org.guildhall.identity.AccountSummary;
import org.guildhall.identity.IdentityApi;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.web.Ctx;
import org.guildhall.platform.web.Flash;
import org.guildhall.platform.web.FormErrors;
import org.guildhall.shared.paging.KeysetPage;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's group-buy deals, a new deal, pausing and resuming one, and a deal's groups. */
@Controller
class AdminGroupDealsController {

  static final int PAGE_SIZE = 25;

  private final CommerceAdminApi admin;
  private final IdentityApi identity;

  AdminGroupDealsController(CommerceAdminApi admin, IdentityApi identity) {
    this.admin = admin;
    this.identity = identity;
  }

  @GetMapping("/admin/group-deals")
  ModelAndView list(@ModelAttribute("ctx") Ctx ctx) {
    Map<String, Object> model = new HashMap<>();
    model.put("ctx", ctx);
    model.put("deals", admin.groupDeals());
    return new ModelAndView("admin/group-deals", model);
  }

  @GetMapping("/admin/group-deals/new")
  ModelAndView newDeal(@ModelAttribute("ctx") Ctx ctx) {
    return form(ctx, GroupDealForm.blank(), FormErrors.none(), HttpStatus.OK);
  }

  @PostMapping("/admin/group-deals")
  ModelAndView create(
      @ModelAttribute("ctx") Ctx ctx, GroupDealForm form, RedirectAttributes flash) {
    GroupDealSummary created;
    try {
      created = admin.createGroupDeal(form);
    } catch (DomainException e) {
      return form(ctx, form, FormErrors.of(e, ctx), e.status());
    }
    Flash.success(flash, "admin.deals.created");
    return new ModelAndView("redirect:/admin/group-deals/" + created.id());
  }

  @GetMapping("/admin/group-deals/{id}")
  ModelAndView deal(
      @ModelAttribute("ctx") Ctx ctx,
      @PathVariable UUID id,
      @RequestParam(required = false) String after,
      @RequestHeader(name = "HX-Request", required = false) String htmx) {
    GroupDealSummary deal =
        admin.groupDeal(id).orElseThrow(() -> DomainException.notFound("group-deal-not-found"));
    KeysetPage<GroupBuyView> page = admin.groups(id, after, PAGE_SIZE);
    Map<String, Object> model = new HashMap<>();
    model.put("ctx", ctx);
    model.put("deal", deal);
    model.put("dealId", id);
    model.put("page", page);
    model.put("leaders", leaders(page));
    return new ModelAndView(
        "true".equals(htmx) && after != null ? "admin/groups-rows" : "admin/group-deal", model);
  }

  @PostMapping("/admin/group-deals/{id}/active")
  String setActive(
      @PathVariable UUID id,
      @RequestParam boolean active,
      @RequestParam(defaultValue = "") String back,
      RedirectAttributes flash) {
    admin.setGroupDealActive(id, active);
    Flash.success(flash, active ? "admin.deals.activated" : "admin.deals.deactivated");
    return "deal".equals(back)
        ? "redirect:/admin/group-deals/" + id
        : "redirect:/admin/group-deals";
  }

  /** The groups' leaders, in two statements whatever the page's size. */
  private Map<UUID, AccountSummary> leaders(KeysetPage<GroupBuyView> page) {
    if (page.items().isEmpty()) {
      return Map.of();
    }
    return identity
        .findAll(
            page.items().stream().map(g -> new AccountId(g.leaderId())).collect(Collectors.toSet()))
        .entrySet()
        .stream()
        .collect(Collectors.toMap(e -> e.getKey().value(), Map.Entry::getValue));
  }

  private ModelAndView form(Ctx ctx, GroupDealForm form, FormErrors errors, HttpStatus status) {
    Map<String, Object> model = new HashMap<>();
    model.put("ctx", ctx);
    model.put("form", form);
    model.put("errors", errors);
    return new ModelAndView("admin/group-deal-new", model, status);
  }
}

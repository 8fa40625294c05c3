package org.guildhall.admin.web;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.guildhall.membership.MembershipApi;
import org.guildhall.membership.TierForm;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.web.Ctx;
import org.guildhall.platform.web.Flash;
import org.guildhall.platform.web.FormErrors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's tier list and tier editor (texts in both languages, prices, trial). */
@Controller
class AdminTiersController {

  private final MembershipApi membership;

  AdminTiersController(MembershipApi membership) {
    this.membership = membership;
  }

  @GetMapping("/admin/tiers")
  ModelAndView list(@ModelAttribute("ctx") Ctx ctx) {
    Map<String, Object> model = new HashMap<>();
    model.put("ctx", ctx);
    model.put("tiers", membership.tiersForOwner());
    return new ModelAndView("admin/tiers", model);
  }

  @GetMapping("/admin/tiers/new")
  ModelAndView newTier(@ModelAttribute("ctx") Ctx ctx) {
    return form(ctx, TierForm.blank(), FormErrors.none(), HttpStatus.OK);
  }

  @GetMapping("/admin/tiers/{id}")
  ModelAndView edit(@ModelAttribute("ctx") Ctx ctx, @PathVariable UUID id) {
    return form(ctx, membership.tierForm(id), FormErrors.none(), HttpStatus.OK);
  }

  @PostMapping("/admin/tiers")
  ModelAndView create(@ModelAttribute("ctx") Ctx ctx, TierForm form, RedirectAttributes flash) {
    TierForm submitted = withId(form, null);
    try {
      membership.createTier(submitted);
    } catch (DomainException e) {
      return form(ctx, submitted, FormErrors.of(e, ctx), e.status());
    }
    Flash.success(flash, "admin.tiers.saved");
    return new ModelAndView("redirect:/admin/tiers");
  }

  @PostMapping("/admin/tiers/{id}")
  ModelAndView update(
      @ModelAttribute("ctx") Ctx ctx,
      @PathVariable UUID id,
      TierForm form,
      RedirectAttributes flash) {
    TierForm submitted = withId(form, id);
    try {
      membership.updateTier(id, submitted);
    } catch (DomainException e) {
      return form(ctx, submitted, FormErrors.of(e, ctx), e.status());
    }
    Flash.success(flash, "admin.tiers.saved");
    return new ModelAndView("redirect:/admin/tiers");
  }

  private static TierForm withId(TierForm f, UUID id) {
    return new TierForm(
        id,
        f.slug(),
        f.rank(),
        f.nameEn(),
        f.nameZh(),
        f.descriptionEn(),
        f.descriptionZh(),
        f.benefitsEn(),
        f.benefitsZh(),
        f.trialDays(),
        f.active(),
        f.monthly(),
        f.quarterly(),
        f.yearly(),
        f.lifetime(),
        f.memberDiscount(),
        f.privileges(),
        f.earlyAccessDays());
  }

  private static ModelAndView form(Ctx ctx, TierForm form, FormErrors errors, HttpStatus status) {
    Map<String, Object> model = new HashMap<>();
    model.put("ctx", ctx);
    model.put("form", form);
    model.put("errors", errors);
    return new ModelAndView("admin/tier", model, status);
  }
}

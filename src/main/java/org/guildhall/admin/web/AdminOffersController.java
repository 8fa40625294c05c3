package org.guildhall.admin.web;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.guildhall.commerce.CommerceAdminApi;
import org.guildhall.commerce.OfferForm;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's limited-time offers: the list by phase, a new offer, pausing and resuming one. */
@Controller
class AdminOffersController {

  private final CommerceAdminApi admin;
  private final Clock clock;

  AdminOffersController(CommerceAdminApi admin, Clock clock) {
    this.admin = admin;
    this.clock = clock;
  }

  @GetMapping("/admin/offers")
  ModelAndView list(@ModelAttribute("ctx") Ctx ctx) {
    Map<String, Object> model = new HashMap<>();
    model.put("ctx", ctx);
    model.put("offers", admin.offers());
    model.put("now", clock.instant());
    return new ModelAndView("admin/offers", model);
  }

  @GetMapping("/admin/offers/new")
  ModelAndView newOffer(@ModelAttribute("ctx") Ctx ctx) {
    return form(ctx, OfferForm.blank(), FormErrors.none(), HttpStatus.OK);
  }

  @PostMapping("/admin/offers")
  ModelAndView create(@ModelAttribute("ctx") Ctx ctx, OfferForm form, RedirectAttributes flash) {
    try {
      admin.createOffer(form, ctx.i18n().zone());
    } catch (DomainException e) {
      return form(ctx, form, FormErrors.of(e, ctx), e.status());
    }
    Flash.success(flash, "admin.offers.created");
    return new ModelAndView("redirect:/admin/offers");
  }

  @PostMapping("/admin/offers/{id}/active")
  String setActive(@PathVariable UUID id, @RequestParam boolean active, RedirectAttributes flash) {
    admin.setOfferActive(id, active);
    Flash.success(flash, active ? "admin.offers.activated" : "admin.offers.deactivated");
    return "redirect:/admin/offers";
  }

  private ModelAndView form(Ctx ctx, OfferForm form, FormErrors errors, HttpStatus status) {
    Map<String, Object> model = new HashMap<>();
    model.put("ctx", ctx);
    model.put("form", form);
    model.put("errors", errors);
    model.put("kinds", admin.itemKinds());
    return new ModelAndView("admin/offer", model, status);
  }
}

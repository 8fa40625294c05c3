package org.guildhall.admin.web;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.guildhall.commerce.CommerceAdminApi;
import org.guildhall.commerce.CouponForm;
import org.guildhall.commerce.CouponView;
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

/** The owner's coupons: the list with their uses, a new coupon, pausing and resuming one. */
@Controller
class AdminCouponsController {

  static final int PAGE_SIZE = 25;

  private final CommerceAdminApi admin;

  AdminCouponsController(CommerceAdminApi admin) {
    this.admin = admin;
  }

  @GetMapping("/admin/coupons")
  ModelAndView list(
      @ModelAttribute("ctx") Ctx ctx,
      @RequestParam(required = false) String after,
      @RequestHeader(name = "HX-Request", required = false) String htmx) {
    KeysetPage<CouponView> page = admin.coupons(after, PAGE_SIZE);
    Map<String, Object> model = new HashMap<>();
    model.put("ctx", ctx);
    model.put("page", page);
    return new ModelAndView(
        "true".equals(htmx) && after != null ? "admin/coupons-rows" : "admin/coupons", model);
  }

  @GetMapping("/admin/coupons/new")
  ModelAndView newCoupon(@ModelAttribute("ctx") Ctx ctx) {
    return form(ctx, CouponForm.blank(), FormErrors.none(), HttpStatus.OK);
  }

  @PostMapping("/admin/coupons")
  ModelAndView create(@ModelAttribute("ctx") Ctx ctx, CouponForm form, RedirectAttributes flash) {
    CouponView created;
    try {
      created = admin.createCoupon(form, ctx.i18n().zone());
    } catch (DomainException e) {
      return form(ctx, form, FormErrors.of(e, ctx), e.status());
    }
    Flash.success(flash, "admin.coupons.created", created.code());
    return new ModelAndView("redirect:/admin/coupons");
  }

  @PostMapping("/admin/coupons/{id}/active")
  String setActive(@PathVariable UUID id, @RequestParam boolean active, RedirectAttributes flash) {
    admin.setCouponActive(id, active);
    Flash.success(flash, active ? "admin.coupons.activated" : "admin.coupons.deactivated");
    return "redirect:/admin/coupons";
  }

  private ModelAndView form(Ctx ctx, CouponForm form, FormErrors errors, HttpStatus status) {
    Map<String, Object> model = new HashMap<>();
    model.put("ctx", ctx);
    model.put("form", form);
    model.put("errors", errors);
    model.put("kinds", admin.itemKinds());
    return new ModelAndView("admin/coupon", model, status);
  }
}

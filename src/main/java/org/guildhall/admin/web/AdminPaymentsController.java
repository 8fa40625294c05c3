package org.guildhall.admin.web;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.guildhall.commerce.CommerceAdminApi;
import org.guildhall.commerce.PaymentSettings;
import org.guildhall.commerce.PaymentSettings.GatewayState;
import org.guildhall.commerce.PaymentSettings.KeyState;
import org.guildhall.commerce.SandboxDeliveryView;
import org.guildhall.commerce.SandboxFaultsForm;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.web.Ctx;
import org.guildhall.platform.web.Flash;
import org.guildhall.platform.web.FormErrors;
import org.guildhall.shared.paging.KeysetPage;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owner's payment settings: which gateway new checkouts use, each gateway's keys (stored
 * sealed, never shown back), the sandbox's fault settings and its recent notifications.
 */
@Controller
class AdminPaymentsController {

  static final int PAGE_SIZE = 20;

  private final CommerceAdminApi admin;

  AdminPaymentsController(CommerceAdminApi admin) {
    this.admin = admin;
  }

  @GetMapping("/admin/payments")
  ModelAndView page(
      @ModelAttribute("ctx") Ctx ctx,
      @RequestParam(required = false) String after,
      @RequestHeader(name = "HX-Request", required = false) String htmx) {
    if ("true".equals(htmx) && after != null) {
      Map<String, Object> model = new HashMap<>();
      model.put("ctx", ctx);
      model.put("deliveries", admin.sandboxDeliveries(after, PAGE_SIZE));
      return new ModelAndView("admin/deliveries-rows", model);
    }
    return page(ctx, after, null, FormErrors.none(), null, HttpStatus.OK);
  }

  @PostMapping("/admin/payments/gateway")
  ModelAndView choose(
      @ModelAttribute("ctx") Ctx ctx,
      @RequestParam(defaultValue = "") String gateway,
      RedirectAttributes flash) {
    try {
      admin.chooseGateway(gateway);
    } catch (DomainException e) {
      return page(ctx, null, "gateway", FormErrors.of(e, ctx), null, e.status());
    }
    Flash.success(
        flash, "admin.payments.gateway.saved", ctx.msg("admin.payments.gateway." + gateway));
    return new ModelAndView("redirect:/admin/payments");
  }

  @PostMapping("/admin/payments/keys/{gateway}")
  ModelAndView saveKeys(
      @ModelAttribute("ctx") Ctx ctx,
      @PathVariable String gateway,
      @RequestParam MultiValueMap<String, String> params,
      RedirectAttributes flash) {
    GatewayState state =
        admin.paymentSettings().gateways().stream()
            .filter(g -> g.id().equals(gateway) && g.hasKeys())
            .findFirst()
            .orElseThrow(() -> DomainException.notFound("gateway-not-found"));
    Map<String, String> values = new LinkedHashMap<>();
    for (KeyState key : state.keys()) {
      String value = params.getFirst(key.name());
      if (value != null) {
        values.put(key.name(), value);
      }
    }
    List<String> cleared = params.getOrDefault("clear", List.of());
    Set<String> clear = new HashSet<>();
    for (KeyState key : state.keys()) {
      if (cleared.contains(key.name())) {
        clear.add(key.name());
      }
    }
    try {
      admin.savePaymentKeys(gateway, values, clear);
    } catch (DomainException e) {
      return page(ctx, null, "keys-" + gateway, FormErrors.of(e, ctx), null, e.status());
    }
    Flash.success(flash, "admin.payments.keys.saved", ctx.msg("admin.payments.gateway." + gateway));
    return new ModelAndView("redirect:/admin/payments#gateway-" + gateway);
  }

  @PostMapping("/admin/payments/sandbox")
  ModelAndView saveSandbox(
      @ModelAttribute("ctx") Ctx ctx, SandboxFaultsForm form, RedirectAttributes flash) {
    try {
      admin.saveSandboxFaults(form);
    } catch (DomainException e) {
      return page(ctx, null, "sandbox", FormErrors.of(e, ctx), form, e.status());
    }
    Flash.success(flash, "admin.payments.sandbox.saved");
    return new ModelAndView("redirect:/admin/payments#sandbox");
  }

  /**
   * The page; {@code failed} names the form whose {@code errors} are shown ({@code gateway}, {@code
   * keys-stripe}, {@code sandbox}).
   */
  private ModelAndView page(
      Ctx ctx,
      String after,
      String failed,
      FormErrors errors,
      SandboxFaultsForm sandboxForm,
      HttpStatus status) {
    PaymentSettings settings = admin.paymentSettings();
    KeysetPage<SandboxDeliveryView> deliveries = admin.sandboxDeliveries(after, PAGE_SIZE);
    PaymentSettings.SandboxFaultsView f = settings.faults();
    Map<String, Object> model = new HashMap<>();
    model.put("ctx", ctx);
    model.put("settings", settings);
    model.put("deliveries", deliveries);
    model.put("failed", failed == null ? "" : failed);
    model.put("errors", errors);
    model.put(
        "sandboxForm",
        sandboxForm != null
            ? sandboxForm
            : new SandboxFaultsForm(
                Integer.toString(f.copies()),
                Integer.toString(f.delaySeconds()),
                f.reorder(),
                f.drop()));
    return new ModelAndView("admin/payments", model, status);
  }
}

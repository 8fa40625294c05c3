package org.guildhall.admin.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guildhall.integration.WebhookEvent;
import org.guildhall.integration.WebhooksApi;
import org.guildhall.integration.WebhooksApi.DeliveryView;
import org.guildhall.integration.WebhooksApi.EndpointForm;
import org.guildhall.integration.WebhooksApi.EndpointView;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The owner's outgoing webhooks: endpoints with the events they receive and their signing secret,
 * each endpoint's delivery log (paged by key, "Load more" by htmx), a delivery's body and the
 * receiver's answer, test events and sending a delivery again.
 */
@Controller
@RequestMapping("/admin/webhooks")
class AdminWebhooksController {

  static final int PAGE_SIZE = 25;

  private final WebhooksApi webhooks;
  private final JsonMapper json;

  AdminWebhooksController(WebhooksApi webhooks, JsonMapper json) {
    this.webhooks = webhooks;
    this.json = json;
  }

  @GetMapping
  ModelAndView list(@ModelAttribute("ctx") Ctx ctx) {
    Map<String, Object> model = model(ctx);
    model.put("endpoints", webhooks.endpoints());
    model.put("max", WebhooksApi.MAX_ENDPOINTS);
    return new ModelAndView("admin/webhooks", model);
  }

  @GetMapping("/new")
  ModelAndView newEndpoint(@ModelAttribute("ctx") Ctx ctx) {
    return form(ctx, null, EndpointForm.blank(), FormErrors.none(), HttpStatus.OK);
  }

  @PostMapping
  ModelAndView create(
      @ModelAttribute("ctx") Ctx ctx,
      @RequestParam(defaultValue = "") String url,
      @RequestParam(defaultValue = "") String description,
      @RequestParam(name = "events", required = false) List<String> events,
      @RequestParam(required = false) Boolean enabled,
      RedirectAttributes flash) {
    EndpointForm form = new EndpointForm(url, description, events, enabled);
    EndpointView created;
    try {
      created = webhooks.create(form);
    } catch (DomainException e) {
      return form(ctx, null, form, FormErrors.of(e, ctx), e.status());
    }
    Flash.success(flash, "admin.webhooks.created");
    return new ModelAndView("redirect:/admin/webhooks/" + created.id());
  }

  @GetMapping("/{id}")
  ModelAndView endpoint(
      @ModelAttribute("ctx") Ctx ctx,
      @PathVariable UUID id,
      @RequestParam(required = false) String after,
      @RequestHeader(name = "HX-Request", required = false) String htmx) {
    EndpointView endpoint = find(id);
    KeysetPage<DeliveryView> deliveries = webhooks.deliveries(id, after, PAGE_SIZE);
    Map<String, Object> model = model(ctx);
    model.put("endpoint", endpoint);
    model.put("deliveries", deliveries);
    if ("true".equals(htmx) && after != null) {
      return new ModelAndView("admin/webhook-deliveries-rows", model);
    }
    model.put("secret", webhooks.secret(id));
    return new ModelAndView("admin/webhook", model);
  }

  @GetMapping("/{id}/edit")
  ModelAndView edit(@ModelAttribute("ctx") Ctx ctx, @PathVariable UUID id) {
    EndpointView endpoint = find(id);
    return form(ctx, endpoint, EndpointForm.of(endpoint), FormErrors.none(), HttpStatus.OK);
  }

  @PostMapping("/{id}")
  ModelAndView update(
      @ModelAttribute("ctx") Ctx ctx,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String url,
      @RequestParam(defaultValue = "") String description,
      @RequestParam(name = "events", required = false) List<String> events,
      @RequestParam(required = false) Boolean enabled,
      RedirectAttributes flash) {
    EndpointView endpoint = find(id);
    EndpointForm form = new EndpointForm(url, description, events, enabled);
    try {
      webhooks.update(id, form);
    } catch (DomainException e) {
      if (e.status() != HttpStatus.UNPROCESSABLE_ENTITY) {
        throw e;
      }
      return form(ctx, endpoint, form, FormErrors.of(e, ctx), e.status());
    }
    Flash.success(flash, "admin.webhooks.saved");
    return new ModelAndView("redirect:/admin/webhooks/" + id);
  }

  @PostMapping("/{id}/test")
  String sendTest(@PathVariable UUID id, RedirectAttributes flash) {
    webhooks.sendTest(id);
    Flash.success(flash, "admin.webhooks.test.queued");
    return "redirect:/admin/webhooks/" + id;
  }

  @PostMapping("/{id}/secret")
  String rotateSecret(@PathVariable UUID id, RedirectAttributes flash) {
    webhooks.rotateSecret(id);
    Flash.success(flash, "admin.webhooks.secret.rotated");
    return "redirect:/admin/webhooks/" + id;
  }

  @PostMapping("/{id}/delete")
  String delete(@PathVariable UUID id, RedirectAttributes flash) {
    webhooks.delete(id);
    Flash.success(flash, "admin.webhooks.deleted");
    return "redirect:/admin/webhooks";
  }

  @GetMapping("/deliveries/{id}")
  ModelAndView delivery(@ModelAttribute("ctx") Ctx ctx, @PathVariable UUID id) {
    DeliveryView delivery =
        webhooks
            .delivery(id)
            .orElseThrow(() -> DomainException.notFound("webhook-delivery-not-found"));
    Map<String, Object> model = model(ctx);
    model.put("delivery", delivery);
    model.put("endpoint", find(delivery.endpointId()));
    model.put("payload", pretty(delivery.payload()));
    return new ModelAndView("admin/webhook-delivery", model);
  }

  @PostMapping("/deliveries/{id}/redeliver")
  String redeliver(@PathVariable UUID id, RedirectAttributes flash) {
    try {
      webhooks.redeliver(id);
      Flash.success(flash, "admin.webhooks.redeliver.done");
    } catch (DomainException e) {
      if (e.status() != HttpStatus.CONFLICT) {
        throw e;
      }
      Flash.error(flash, "problem." + e.code());
    }
    return "redirect:/admin/webhooks/deliveries/" + id;
  }

  /** The body indented for reading; as stored if it is not JSON (it always is). */
  private String pretty(String payload) {
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(payload));
    } catch (JacksonException e) {
      return payload;
    }
  }

  private EndpointView find(UUID id) {
    return webhooks.endpoint(id).orElseThrow(() -> DomainException.notFound("webhook-not-found"));
  }

  private ModelAndView form(
      Ctx ctx, EndpointView endpoint, EndpointForm form, FormErrors errors, HttpStatus status) {
    Map<String, Object> model = model(ctx);
    model.put("endpoint", endpoint);
    model.put("form", form);
    model.put("errors", errors);
    model.put("events", WebhookEvent.subscribable());
    return new ModelAndView("admin/webhook-form", model, status);
  }

  private static Map<String, Object> model(Ctx ctx) {
    Map<String, Object> model = new HashMap<>();
    model.put("ctx", ctx);
    return model;
  }
}

package org.guildhall.content.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.guildhall.content.ContentKind;
import org.guildhall.content.StudioAction;
import org.guildhall.content.StudioApi;
import org.guildhall.content.StudioItemDetail;
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

/**
 * The item editor: a new item of a kind, and an item's page with its text, settings, access and the
 * workflow buttons its state allows. A refused save shows every field error next to its field and
 * keeps what was typed; a form overtaken by another save (409) keeps the typed text and offers to
 * save it anyway.
 */
@Controller
class StudioItemController {

  private final StudioApi studio;

  StudioItemController(StudioApi studio) {
    this.studio = studio;
  }

  @GetMapping("/studio/items/new")
  ModelAndView newItem(@ModelAttribute("ctx") Ctx ctx, @RequestParam String kind) {
    ContentKind k = StudioController.parse(ContentKind.class, kind);
    if (k == null) {
      throw DomainException.notFound("content.not-found");
    }
    return editor(
        ctx, k, null, StudioItemForm.blank(k, ctx.lang()), FormErrors.none(), HttpStatus.OK, null);
  }

  @PostMapping("/studio/items")
  ModelAndView create(
      @ModelAttribute("ctx") Ctx ctx, StudioItemForm form, RedirectAttributes flash) {
    ContentKind kind = StudioController.parse(ContentKind.class, form.kind());
    if (kind == null) {
      throw DomainException.notFound("content.not-found");
    }
    UUID me = ctx.viewer().id();
    StudioItemForm.Parsed parsed = form.parse(studio.currency(), ctx.i18n().zone());
    if (!parsed.errors().isEmpty()) {
      return refused(
          ctx,
          kind,
          null,
          form,
          parsed.errors(),
          studio.check(kind, null, parsed.draft(), form.note(), StudioAction.SAVE, null, me));
    }
    UUID id;
    try {
      id = studio.create(kind, parsed.draft(), form.note(), me);
    } catch (DomainException e) {
      if (e.status() == HttpStatus.FORBIDDEN) {
        throw e;
      }
      return editor(ctx, kind, null, form, FormErrors.of(e, ctx), e.status(), null);
    }
    Flash.success(flash, "studio.flash.created");
    return new ModelAndView("redirect:/studio/items/" + id);
  }

  @GetMapping("/studio/items/{id}")
  ModelAndView edit(@ModelAttribute("ctx") Ctx ctx, @PathVariable UUID id) {
    StudioItemDetail detail = studio.item(id, ctx.viewer().id());
    return editor(
        ctx,
        detail.kind(),
        detail,
        StudioItemForm.of(detail, ctx.i18n().zone()),
        FormErrors.none(),
        HttpStatus.OK,
        null);
  }

  @PostMapping("/studio/items/{id}")
  ModelAndView save(
      @ModelAttribute("ctx") Ctx ctx,
      @PathVariable UUID id,
      StudioItemForm form,
      RedirectAttributes flash) {
    UUID me = ctx.viewer().id();
    StudioItemDetail detail = studio.item(id, me);
    StudioItemForm.Parsed parsed = form.parse(studio.currency(), ctx.i18n().zone());
    if (!parsed.errors().isEmpty()) {
      return refused(
          ctx,
          detail.kind(),
          detail,
          form,
          parsed.errors(),
          studio.check(null, id, parsed.draft(), form.note(), parsed.action(), parsed.at(), me));
    }
    try {
      studio.save(
          id, parsed.draft(), parsed.version(), form.note(), parsed.action(), parsed.at(), me);
    } catch (DomainException e) {
      if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
        throw e;
      }
      if ("content.error.stale".equals(e.code())) {
        StudioItemDetail now = studio.item(id, me);
        return editor(ctx, now.kind(), now, form, FormErrors.of(e, ctx), e.status(), now);
      }
      return editor(ctx, detail.kind(), detail, form, FormErrors.of(e, ctx), e.status(), null);
    }
    Flash.success(flash, flashKey(parsed.action()));
    return new ModelAndView("redirect:/studio/items/" + id);
  }

  static String flashKey(StudioAction action) {
    return switch (action) {
      case SAVE -> "studio.flash.saved";
      case SUBMIT -> "studio.flash.submitted";
      case PUBLISH -> "studio.flash.published";
      case SCHEDULE -> "studio.flash.scheduled";
      case ARCHIVE -> "studio.flash.archived";
      case REOPEN -> "studio.flash.reopened";
    };
  }

  /** The form's own errors and the editor's, all at once (422). */
  private ModelAndView refused(
      Ctx ctx,
      ContentKind kind,
      StudioItemDetail detail,
      StudioItemForm form,
      Map<String, String> formErrors,
      Map<String, String> checked) {
    Map<String, String> all = new LinkedHashMap<>(checked);
    all.putAll(formErrors);
    return editor(
        ctx,
        kind,
        detail,
        form,
        FormErrors.of(DomainException.invalid(all), ctx),
        HttpStatus.UNPROCESSABLE_ENTITY,
        null);
  }

  private ModelAndView editor(
      Ctx ctx,
      ContentKind kind,
      StudioItemDetail detail,
      StudioItemForm form,
      FormErrors errors,
      HttpStatus status,
      StudioItemDetail stale) {
    UUID me = ctx.viewer().id();
    UUID author = detail == null ? me : detail.authorId();
    Map<String, Object> model = new HashMap<>();
    model.put("ctx", ctx);
    model.put("kind", kind);
    model.put("detail", detail);
    model.put("form", form);
    model.put("errors", errors);
    model.put("stale", stale);
    model.put(
        "options",
        studio.options(
            kind, author, me, detail == null ? null : detail.columnId(), ctx.i18n().locale()));
    model.put("preview", studio.preview(form.bodyMd()));
    model.put(
        "outline",
        detail != null && kind == ContentKind.COURSE ? studio.outline(detail.id(), me) : null);
    model.put("currency", studio.currency().getCurrencyCode());
    return new ModelAndView("content/studio/item", model, status);
  }
}

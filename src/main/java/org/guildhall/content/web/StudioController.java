package org.guildhall.content.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guildhall.content.ContentKind;
import org.guildhall.content.ContentStatus;
import org.guildhall.content.StudioApi;
import org.guildhall.content.StudioFilter;
import org.guildhall.content.StudioItem;
import org.guildhall.content.StudioOptions;
import org.guildhall.content.StudioPreview;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.web.Ctx;
import org.guildhall.platform.web.Flash;
import org.guildhall.platform.web.SafeRedirects;
import org.guildhall.shared.paging.KeysetPage;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The studio's lists: an author's items (the owner's: everyone's, with an author filter), the
 * owner's review queue with approve, schedule and send back, and the live Markdown preview. {@code
 * /studio/**} is for experts and the owner; the review queue for the owner.
 */
@Controller
class StudioController {

  static final int PAGE_SIZE = 25;

  private final StudioApi studio;

  StudioController(StudioApi studio) {
    this.studio = studio;
  }

  @GetMapping("/studio")
  ModelAndView items(
      @ModelAttribute("ctx") Ctx ctx,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String author,
      @RequestParam(required = false) String after,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      HttpServletResponse response) {
    UUID me = ctx.viewer().id();
    ContentStatus s = parse(ContentStatus.class, status);
    ContentKind k = parse(ContentKind.class, kind);
    UUID a = ctx.isOwner() ? StudioFields.uuid(author, "author", "x", new HashMap<>()) : null;
    KeysetPage<StudioItem> page = studio.items(me, new StudioFilter(a, s, k), after, PAGE_SIZE);
    Map<String, Object> model = new HashMap<>();
    model.put("ctx", ctx);
    model.put("page", page);
    model.put("status", s == null ? "" : s.name());
    model.put("kind", k == null ? "" : k.name());
    model.put("author", a == null ? "" : a.toString());
    model.put("query", query(s, k, a));
    response.addHeader("Vary", "HX-Request");
    if ("true".equals(htmx) && after != null) {
      return new ModelAndView("content/studio/items-rows", model);
    }
    model.put("authors", ctx.isOwner() ? studio.authors(me) : List.<StudioOptions.Option>of());
    model.put("reviewCount", ctx.isOwner() ? studio.reviewQueue(me, null, 100).items().size() : 0);
    return new ModelAndView("content/studio/items", model);
  }

  @GetMapping("/studio/review")
  ModelAndView review(
      @ModelAttribute("ctx") Ctx ctx,
      @RequestParam(required = false) String after,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      HttpServletResponse response) {
    requireOwner(ctx);
    KeysetPage<StudioItem> page = studio.reviewQueue(ctx.viewer().id(), after, PAGE_SIZE);
    Map<String, Object> model = new HashMap<>();
    model.put("ctx", ctx);
    model.put("page", page);
    response.addHeader("Vary", "HX-Request");
    return new ModelAndView(
        "true".equals(htmx) && after != null
            ? "content/studio/review-rows"
            : "content/studio/review",
        model);
  }

  /** The owner publishes now ({@code when=now}) or at {@code publishAt} in their time zone. */
  @PostMapping("/studio/items/{id}/approve")
  String approve(
      @ModelAttribute("ctx") Ctx ctx,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "now") String when,
      @RequestParam(required = false) String publishAt,
      @RequestParam(name = "return", required = false) String back,
      RedirectAttributes flash) {
    requireOwner(ctx);
    String to = SafeRedirects.localPathOr(back, "/studio/review");
    Map<String, String> errors = new HashMap<>();
    java.time.Instant at = null;
    if ("later".equals(when)) {
      at = StudioFields.instant(publishAt, ctx.i18n().zone(), "publishAt", errors);
      if (at == null) {
        errors.putIfAbsent("publishAt", "content.error.schedule-future");
      }
    }
    if (!errors.isEmpty()) {
      Flash.error(flash, errors.values().iterator().next());
      return "redirect:" + to;
    }
    try {
      studio.approve(id, at, ctx.viewer().id());
    } catch (DomainException e) {
      if (e.status().value() == 403 || e.status().value() == 404) {
        throw e;
      }
      Flash.error(flash, message(e));
      return "redirect:" + to;
    }
    Flash.success(flash, at == null ? "studio.flash.published" : "studio.flash.scheduled");
    return "redirect:" + to;
  }

  /** The owner sends an item back to its author with a note. */
  @PostMapping("/studio/items/{id}/reject")
  String reject(
      @ModelAttribute("ctx") Ctx ctx,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String note,
      @RequestParam(name = "return", required = false) String back,
      RedirectAttributes flash) {
    requireOwner(ctx);
    String to = SafeRedirects.localPathOr(back, "/studio/review");
    try {
      studio.reject(id, note, ctx.viewer().id());
    } catch (DomainException e) {
      if (e.status().value() == 403 || e.status().value() == 404) {
        throw e;
      }
      Flash.error(flash, message(e));
      return "redirect:" + to;
    }
    Flash.success(flash, "studio.flash.rejected");
    return "redirect:" + to;
  }

  /** The live preview: the Markdown's sanitised HTML, as a fragment for htmx. */
  @PostMapping("/studio/preview")
  ModelAndView preview(
      @ModelAttribute("ctx") Ctx ctx, @RequestParam(defaultValue = "") String bodyMd) {
    StudioPreview preview =
        studio.preview(bodyMd.length() > 200_000 ? bodyMd.substring(0, 200_000) : bodyMd);
    return new ModelAndView("content/studio/preview", Map.of("ctx", ctx, "preview", preview));
  }

  static void requireOwner(Ctx ctx) {
    if (!ctx.isOwner()) {
      throw DomainException.forbidden("content.error.owner-only");
    }
  }

  /** The message key to show for a refusal: its first field's, or the problem's. */
  static String message(DomainException e) {
    return e.fieldErrors().isEmpty()
        ? "problem." + e.code()
        : e.fieldErrors().values().iterator().next();
  }

  private static String query(ContentStatus s, ContentKind k, UUID a) {
    StringBuilder q = new StringBuilder();
    if (s != null) {
      q.append("&status=").append(s.name());
    }
    if (k != null) {
      q.append("&kind=").append(k.name());
    }
    if (a != null) {
      q.append("&author=").append(a);
    }
    return q.toString();
  }

  static <E extends Enum<E>> E parse(Class<E> type, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, raw.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}

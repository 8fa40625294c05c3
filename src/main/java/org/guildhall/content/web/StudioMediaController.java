package org.guildhall.content.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.guildhall.content.MediaApi;
import org.guildhall.content.MediaKind;
import org.guildhall.content.MediaView;
import org.guildhall.content.internal.MediaLimits;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.web.AuthenticatedAccount;
import org.guildhall.platform.web.Ctx;
import org.guildhall.platform.web.Flash;
import org.guildhall.platform.web.FormErrors;
import org.guildhall.shared.paging.KeysetPage;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The studio's media library for experts and the owner: upload a file, see one's uploads (newest
 * first, "load more" by keyset) with thumbnails and the Markdown that embeds each one.
 */
@Controller
class StudioMediaController {

  static final int PAGE = 20;

  private final MediaApi media;
  private final MediaLimits limits;

  StudioMediaController(MediaApi media, MediaLimits limits) {
    this.media = media;
    this.limits = limits;
  }

  @GetMapping("/studio/media")
  ModelAndView library(
      @ModelAttribute(name = "ctx", binding = false) Ctx ctx,
      @AuthenticationPrincipal AuthenticatedAccount me,
      @RequestParam(name = "after", required = false) String after,
      @RequestHeader(name = "HX-Request", required = false) String htmx) {
    KeysetPage<MediaView> page = media.listByOwner(me.accountId(), after, PAGE);
    if ("true".equals(htmx)) {
      return new ModelAndView("content/media-rows", Map.of("ctx", ctx, "page", page));
    }
    return page(ctx, page, FormErrors.none(), HttpStatus.OK);
  }

  @PostMapping("/studio/media")
  ModelAndView upload(
      @ModelAttribute(name = "ctx", binding = false) Ctx ctx,
      @AuthenticationPrincipal AuthenticatedAccount me,
      HttpServletRequest request,
      RedirectAttributes flash) {
    MediaView uploaded;
    try {
      uploaded = Uploads.store(request, me.accountId(), media, limits);
    } catch (DomainException e) {
      return page(
          ctx, media.listByOwner(me.accountId(), null, PAGE), FormErrors.of(e, ctx), e.status());
    }
    Flash.success(flash, "media.studio.uploaded", uploaded.originalName());
    return new ModelAndView("redirect:/studio/media");
  }

  private ModelAndView page(
      Ctx ctx, KeysetPage<MediaView> page, FormErrors errors, HttpStatusCode status) {
    Map<String, Object> model = new HashMap<>();
    model.put("ctx", ctx);
    model.put("page", page);
    model.put("errors", errors);
    model.put(
        "limits",
        new UploadLimits(
            limits.maxMb(MediaKind.IMAGE),
            limits.maxMb(MediaKind.AUDIO),
            limits.maxMb(MediaKind.VIDEO),
            limits.maxMb(MediaKind.FILE)));
    return new ModelAndView("content/media", model, status);
  }
}

package org.guildhall.content.web;

import java.util.Map;
import java.util.UUID;
import org.guildhall.content.CatalogFilter;
import org.guildhall.content.ContentApi;
import org.guildhall.content.ContentKind;
import org.guildhall.content.ItemCard;
import org.guildhall.content.ItemPage;
import org.guildhall.content.LessonPage;
import org.guildhall.membership.Reader;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.web.Ctx;
import org.guildhall.shared.paging.KeysetPage;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * What readers see: the catalog (by kind, category and tag, paged by key), and each item's page —
 * course with its outline and the learner's progress, lesson, article, column, audio, video, live
 * replay. A page the reader may not read shows its free part and the paywall with the ways in.
 */
@Controller
class ContentPagesController {

  static final int PAGE = 12;

  private final ContentApi content;

  ContentPagesController(ContentApi content) {
    this.content = content;
  }

  @GetMapping("/courses")
  ModelAndView catalog(
      @ModelAttribute("ctx") Ctx ctx,
      @RequestParam(name = "kind", required = false) String kind,
      @RequestParam(name = "category", required = false) String category,
      @RequestParam(name = "tag", required = false) String tag,
      @RequestParam(name = "after", required = false) String after,
      @RequestHeader(name = "HX-Request", required = false) String htmx) {
    ContentKind chosen =
        kind == null || kind.isBlank()
            ? null
            : ContentKind.ofItemKind(kind)
                .orElseThrow(() -> DomainException.notFound("content.not-found"));
    CatalogFilter filter = new CatalogFilter(chosen, blankToNull(category), blankToNull(tag), null);
    Reader reader = reader(ctx);
    KeysetPage<ItemCard> page = content.catalog(filter, after, PAGE, reader);
    boolean rowsOnly = "true".equals(htmx) && after != null;
    ModelAndView mav = new ModelAndView(rowsOnly ? "content/card-rows" : "content/catalog");
    mav.addObject("page", page);
    mav.addObject("kind", chosen);
    mav.addObject("category", filter.category());
    mav.addObject("tag", filter.tag());
    mav.addObject("more", moreLink(filter, page));
    if (!rowsOnly) {
      mav.addObject("categories", content.categories(ctx.i18n().locale()));
    }
    return mav;
  }

  @GetMapping("/courses/{slug}")
  ModelAndView course(@ModelAttribute("ctx") Ctx ctx, @PathVariable String slug) {
    return item(ctx, ContentKind.COURSE, slug);
  }

  @GetMapping("/courses/{slug}/lessons/{lessonId}")
  ModelAndView lesson(
      @ModelAttribute("ctx") Ctx ctx, @PathVariable String slug, @PathVariable UUID lessonId) {
    LessonPage page = content.lesson(slug, lessonId, reader(ctx), ctx.i18n().locale());
    return new ModelAndView("content/lesson", Map.of("ctx", ctx, "page", page));
  }

  @GetMapping("/{path:articles|columns|audio|video|replays}/{slug}")
  ModelAndView item(
      @ModelAttribute("ctx") Ctx ctx, @PathVariable String path, @PathVariable String slug) {
    ContentKind kind =
        java.util.Arrays.stream(ContentKind.values())
            .filter(k -> k.path().equals(path))
            .findFirst()
            .orElseThrow(() -> DomainException.notFound("content.not-found"));
    return item(ctx, kind, slug);
  }

  private ModelAndView item(Ctx ctx, ContentKind kind, String slug) {
    ItemPage page = content.page(kind, slug, reader(ctx), ctx.i18n().locale());
    return new ModelAndView(
        kind == ContentKind.COURSE ? "content/course" : "content/item",
        Map.of("ctx", ctx, "page", page));
  }

  private Reader reader(Ctx ctx) {
    return content.reader(ctx.signedIn() ? ctx.viewer().id() : null);
  }

  private static String moreLink(CatalogFilter filter, KeysetPage<ItemCard> page) {
    if (!page.hasNext()) {
      return null;
    }
    StringBuilder link = new StringBuilder("/courses?after=").append(page.next());
    if (filter.kind() != null) {
      link.append("&kind=").append(filter.kind().itemKind());
    }
    if (filter.category() != null) {
      link.append("&category=").append(encode(filter.category()));
    }
    if (filter.tag() != null) {
      link.append("&tag=").append(encode(filter.tag()));
    }
    return link.toString();
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}

package org.guildhall.content.web;

import jakarta.servlet.http.HttpServletResponse;
import org.guildhall.content.ContentApi;
import org.guildhall.content.SearchApi;
import org.guildhall.content.SearchResults;
import org.guildhall.membership.Reader;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.web.Ctx;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The search page. Typing in its box asks again through htmx and swaps only the results (the URL
 * follows, so a search can be shared and the back button works); "load more" asks for the next hits
 * only. Without JavaScript the form and the links load whole pages.
 */
@Controller
class SearchController {

  static final int PAGE_SIZE = SearchApi.DEFAULT_SIZE;

  private final SearchApi search;
  private final ContentApi content;

  SearchController(SearchApi search, ContentApi content) {
    this.search = search;
    this.content = content;
  }

  @GetMapping("/search")
  String search(
      @ModelAttribute("ctx") Ctx ctx,
      @RequestParam(name = "q", defaultValue = "") String query,
      @RequestParam(name = "cursor", required = false) String cursor,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      HttpServletResponse response,
      Model model) {
    Reader reader = content.reader(ctx.signedIn() ? ctx.viewer().id() : null);
    SearchResults results;
    String error = null;
    try {
      results = search.search(query, reader, ctx.i18n().locale(), cursor, PAGE_SIZE);
    } catch (DomainException e) {
      results = SearchResults.empty("");
      error = ctx.msg("search.error.too-long");
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
    }
    model.addAttribute("q", error == null ? results.query() : query);
    model.addAttribute("results", results);
    model.addAttribute("error", error);
    // The same URL answers with a page or a fragment: caches must keep them apart.
    response.addHeader("Vary", "HX-Request");
    if ("true".equals(htmx)) {
      return cursor == null ? "content/search-results" : "content/search-hits";
    }
    return "content/search";
  }
}

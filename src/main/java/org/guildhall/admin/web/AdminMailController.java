package org.guildhall.admin.web;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.guildhall.notification.MailOutboxApi;
import org.guildhall.notification.MailOutboxApi.MailView;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.web.Flash;
import org.guildhall.shared.paging.KeysetPage;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owner's view of the mail outbox: every mail, sent or held, with its status; a mail's HTML (in
 * a sandboxed frame) and text versions; sending a failed mail again. {@code /admin/**} is for
 * owners only (security configuration).
 */
@Controller
@RequestMapping("/admin/mail")
class AdminMailController {

  static final int PAGE_SIZE = 30;

  /** For a stored mail's HTML: inline styles and inline images only, nothing else, sandboxed. */
  static final String MAIL_HTML_CSP =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox;"
          + " frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

  private static final int MAX_QUERY_LENGTH = 254;

  private final MailOutboxApi mail;

  AdminMailController(MailOutboxApi mail) {
    this.mail = mail;
  }

  /** The list; an htmx request ("Older") gets only the next rows and the pager to swap in. */
  @GetMapping
  String list(
      @RequestParam(name = "q", defaultValue = "") String query,
      @RequestParam(required = false) String cursor,
      @RequestHeader(name = "HX-Request", required = false) String htmxRequest,
      HttpServletResponse response,
      Model model) {
    String q = query.strip();
    if (q.length() > MAX_QUERY_LENGTH) {
      q = q.substring(0, MAX_QUERY_LENGTH);
    }
    KeysetPage<MailView> page = mail.list(q, cursor, PAGE_SIZE);
    model.addAttribute("page", page);
    model.addAttribute("q", q);
    model.addAttribute("olderUrl", page.hasNext() ? olderUrl(q, page.next()) : null);
    // The same URL answers with a page or a fragment: caches must keep them apart.
    response.addHeader("Vary", "HX-Request");
    if ("true".equals(htmxRequest)) {
      model.addAttribute("htmx", true);
      return "admin/mail-rows";
    }
    model.addAttribute("smtpConfigured", mail.smtpConfigured());
    return "admin/mail";
  }

  @GetMapping("/{id}")
  String message(@PathVariable UUID id, Model model) {
    MailView found = mail.find(id).orElseThrow(() -> DomainException.notFound("mail-not-found"));
    model.addAttribute("mail", found);
    model.addAttribute("from", mail.sender());
    model.addAttribute("smtpConfigured", mail.smtpConfigured());
    return "admin/mail-message";
  }

  /** The mail's HTML, for the sandboxed preview frame of {@link #message}. */
  @GetMapping("/{id}/html")
  ResponseEntity<String> html(@PathVariable UUID id) {
    MailView found = mail.find(id).orElseThrow(() -> DomainException.notFound("mail-not-found"));
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore())
        // Set here, this CSP replaces the site-wide one (Spring Security keeps an existing CSP).
        // Its frame-ancestors 'self' is what lets the console frame the mail: browsers ignore the
        // site-wide X-Frame-Options: DENY when a CSP with frame-ancestors is present.
        .header("Content-Security-Policy", MAIL_HTML_CSP)
        .header("Referrer-Policy", "no-referrer")
        .body(found.bodyHtml());
  }

  @PostMapping("/{id}/retry")
  String retry(@PathVariable UUID id, RedirectAttributes flash) {
    try {
      mail.retry(id);
      Flash.success(flash, "admin.mail.retry.done");
    } catch (DomainException e) {
      if (e.status() != HttpStatus.CONFLICT) {
        throw e;
      }
      Flash.error(flash, "problem." + e.code());
    }
    return "redirect:/admin/mail/" + id;
  }

  private static String olderUrl(String q, String next) {
    String url = "/admin/mail?cursor=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    return q.isEmpty() ? url : url + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
  }
}

package org.guildhall.platform.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.guildhall.platform.i18n.I18n;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Builds the {@link Ctx} for a request; used by pages, error pages and mail alike. */
@Component
public class CtxFactory {

  private static final Set<String> THEMES = Set.of("auto", "light", "dark");
  private static final String REQUEST_ATTRIBUTE = CtxFactory.class.getName() + ".ctx";

  private final MessageSource messages;
  private final LocaleResolver localeResolver;
  private final Optional<ViewerLookup> viewers;
  private final String appName;

  CtxFactory(
      MessageSource messages,
      LocaleResolver localeResolver,
      Optional<ViewerLookup> viewers,
      @Value("${guildhall.name:Guildhall}") String appName) {
    this.messages = messages;
    this.localeResolver = localeResolver;
    this.viewers = viewers;
    this.appName = appName;
  }

  public Ctx forRequest(HttpServletRequest request) {
    Object cached = request.getAttribute(REQUEST_ATTRIBUTE);
    if (cached instanceof Ctx ctx) {
      return ctx;
    }
    Viewer viewer = currentViewer().orElse(null);
    Locale locale = localeResolver.resolveLocale(request);
    ZoneId zone = viewer != null ? viewer.zone() : ZoneId.of("Asia/Shanghai");
    Flash flash = null;
    Map<String, ?> input = RequestContextUtils.getInputFlashMap(request);
    if (input != null && input.get(Flash.ATTRIBUTE) instanceof Flash f) {
      flash = f;
    }
    String query = request.getQueryString();
    String path = pathOf(request);
    Ctx ctx =
        new Ctx(
            appName,
            new I18n(messages, locale, zone),
            viewer,
            (CsrfToken) request.getAttribute(CsrfToken.class.getName()),
            theme(request),
            path,
            query == null ? path : path + "?" + query,
            flash);
    request.setAttribute(REQUEST_ATTRIBUTE, ctx);
    return ctx;
  }

  /** A context for rendering outside a request (e-mail): no viewer, no CSRF token. */
  public Ctx forMail(Locale locale) {
    return new Ctx(
        appName,
        new I18n(messages, locale, ZoneId.of("Asia/Shanghai")),
        null,
        null,
        "light",
        "/",
        "/",
        null);
  }

  private Optional<Viewer> currentViewer() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null
        && authentication.isAuthenticated()
        && authentication.getPrincipal() instanceof AuthenticatedAccount account) {
      return viewers.flatMap(lookup -> lookup.find(account.accountId()));
    }
    return Optional.empty();
  }

  private static String pathOf(HttpServletRequest request) {
    Object forwarded = request.getAttribute("jakarta.servlet.error.request_uri");
    String uri = forwarded instanceof String s ? s : request.getRequestURI();
    String context = request.getContextPath();
    return uri.startsWith(context) ? uri.substring(context.length()) : uri;
  }

  private static String theme(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if ("gh_theme".equals(cookie.getName()) && THEMES.contains(cookie.getValue())) {
          return cookie.getValue();
        }
      }
    }
    return "auto";
  }
}

package org.guildhall.identity.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.guildhall.platform.i18n.Languages;
import org.guildhall.platform.web.AuthenticatedAccount;
import org.guildhall.platform.web.ViewerLookup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * After a sign-in: on success, reset the account's failure count, remember this device, switch to
 * the member's language, and go back to where they were; on failure, count it and say why without
 * revealing whether the e-mail has an account.
 */
@Component
public class SignInHandlers extends SavedRequestAwareAuthenticationSuccessHandler
    implements AuthenticationFailureHandler {

  /** Flash attributes the sign-in page shows for a suspended account. */
  public static final String BAN_REASON = "banReason";

  public static final String BAN_UNTIL = "banUntil";

  /**
   * After a failed sign-in the form shows the e-mail again; it travels in this short-lived cookie
   * (path /login) rather than in the address, where it would end up in logs.
   */
  public static final String EMAIL_COOKIE = "gh_login_email";

  private final LoginThrottle throttle;
  private final ViewerLookup viewers;
  private final LocaleResolver localeResolver;
  private final AccountRepository accounts;
  private final FlashMapManager flashMaps = new SessionFlashMapManager();
  private final boolean secureCookies;

  SignInHandlers(
      LoginThrottle throttle,
      ViewerLookup viewers,
      LocaleResolver localeResolver,
      AccountRepository accounts,
      @Value("${guildhall.security.secure-cookies:false}") boolean secureCookies) {
    this.secureCookies = secureCookies;
    this.throttle = throttle;
    this.viewers = viewers;
    this.localeResolver = localeResolver;
    this.accounts = accounts;
    setDefaultTargetUrl("/");
    setTargetUrlParameter("next");
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws jakarta.servlet.ServletException, IOException {
    throttle.recordSuccess(request, request.getParameter("email"), response);
    if (authentication.getPrincipal() instanceof AuthenticatedAccount account) {
      viewers.evict(account.accountId());
      viewers
          .find(account.accountId())
          .ifPresent(
              v -> localeResolver.setLocale(request, response, Languages.resolve(v.language())));
    }
    super.onAuthenticationSuccess(request, response, authentication);
  }

  @Override
  protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response) {
    String target = super.determineTargetUrl(request, response);
    return org.guildhall.platform.web.SafeRedirects.localPathOr(target, "/");
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    String reason;
    if (exception instanceof LockedException) {
      // Only reached with the right password: the member may learn why and until when.
      reason = "banned";
      showBan(request, response);
    } else {
      throttle.recordFailure(request, request.getParameter("email"));
      reason = "credentials";
    }
    rememberEmail(request, response);
    String next =
        org.guildhall.platform.web.SafeRedirects.localPathOr(request.getParameter("next"), null);
    response.sendRedirect(
        request.getContextPath()
            + "/login?error="
            + reason
            + (next == null ? "" : "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
  }

  private void rememberEmail(HttpServletRequest request, HttpServletResponse response) {
    String email = request.getParameter("email");
    if (email == null || email.isBlank() || email.length() > 254) {
      return;
    }
    Cookie cookie =
        new Cookie(EMAIL_COOKIE, URLEncoder.encode(email.strip(), StandardCharsets.UTF_8));
    cookie.setHttpOnly(true);
    cookie.setSecure(secureCookies);
    cookie.setPath(request.getContextPath() + "/login");
    cookie.setMaxAge(120);
    cookie.setAttribute("SameSite", "Strict");
    response.addCookie(cookie);
  }

  private void showBan(HttpServletRequest request, HttpServletResponse response) {
    accounts
        .findByEmail(Emails.normalize(request.getParameter("email")))
        .ifPresent(
            account -> {
              FlashMap flash = new FlashMap();
              flash.put(BAN_REASON, account.banReason());
              if (account.bannedUntil() != null) {
                flash.put(BAN_UNTIL, account.bannedUntil());
              }
              flash.setTargetRequestPath(request.getContextPath() + "/login");
              flashMaps.saveOutputFlashMap(flash, request, response);
            });
  }
}

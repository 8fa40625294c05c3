package org.guildhall.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.guildhall.platform.i18n.Languages;
import org.guildhall.platform.web.AuthenticatedAccount;
import org.guildhall.platform.web.ViewerLookup;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * After a sign-in: on success, reset the account's failure count, remember this device, switch to
 * the member's language, and go back to where they were; on failure, count it and say why without
 * revealing whether the e-mail has an account.
 */
@Component
class SignInHandlers extends SavedRequestAwareAuthenticationSuccessHandler
    implements AuthenticationFailureHandler {

  private final LoginThrottle throttle;
  private final ViewerLookup viewers;
  private final LocaleResolver localeResolver;

  SignInHandlers(LoginThrottle throttle, ViewerLookup viewers, LocaleResolver localeResolver) {
    this.throttle = throttle;
    this.viewers = viewers;
    this.localeResolver = localeResolver;
    setDefaultTargetUrl("/");
    setTargetUrlParameter("next");
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws jakarta.servlet.ServletException, IOException {
    throttle.recordSuccess(request.getParameter("email"), response);
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
      reason = "banned";
    } else {
      throttle.recordFailure(request.getParameter("email"));
      reason = "credentials";
    }
    String next =
        org.guildhall.platform.web.SafeRedirects.localPathOr(request.getParameter("next"), null);
    response.sendRedirect(
        request.getContextPath()
            + "/login?error="
            + reason
            + (next == null ? "" : "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
  }
}

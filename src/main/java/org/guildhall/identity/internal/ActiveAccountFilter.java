package org.guildhall.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.guildhall.platform.web.AuthenticatedAccount;
import org.guildhall.platform.web.Viewer;
import org.guildhall.platform.web.ViewerLookup;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A banned (or deleted) member cannot act anywhere: on their next request the session is ended and
 * they are treated as signed out, whatever the session or token says.
 */
class ActiveAccountFilter extends OncePerRequestFilter {

  private final ViewerLookup viewers;
  private final AuthenticationEntryPoint entryPoint;

  ActiveAccountFilter(ViewerLookup viewers, AuthenticationEntryPoint entryPoint) {
    this.viewers = viewers;
    this.entryPoint = entryPoint;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null
        && authentication.getPrincipal() instanceof AuthenticatedAccount account) {
      Optional<Viewer> viewer = viewers.find(account.accountId());
      if (viewer.isEmpty() || viewer.get().banned()) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
          session.invalidate();
        }
        entryPoint.commence(
            request, response, new InsufficientAuthenticationException("Account not active"));
        return;
      }
    }
    chain.doFilter(request, response);
  }
}

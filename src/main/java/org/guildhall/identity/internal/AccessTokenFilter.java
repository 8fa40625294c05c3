package org.guildhall.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer gh_…} authenticates an API request as the token's account, for this
 * request only (no session). Roles come from the account when the request is authorised, through
 * the same viewer lookup as sessions, so a role change or ban applies to tokens at once.
 */
class AccessTokenFilter extends OncePerRequestFilter {

  private final AccessTokenService tokens;
  private final AuthenticationEntryPoint entryPoint;

  AccessTokenFilter(AccessTokenService tokens, AuthenticationEntryPoint entryPoint) {
    this.tokens = tokens;
    this.entryPoint = entryPoint;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null || !header.startsWith("Bearer ")) {
      chain.doFilter(request, response);
      return;
    }
    Optional<UUID> account = tokens.authenticate(header.substring(7).strip());
    if (account.isEmpty()) {
      entryPoint.commence(request, response, new BadCredentialsException("Invalid token"));
      return;
    }
    MemberPrincipal principal = tokens.principalFor(account.get());
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            principal, null, principal.getAuthorities()));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}

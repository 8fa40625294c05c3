package org.guildhall.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.guildhall.platform.api.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 on the API as problem+json, in the caller's language, never a redirect to the sign-in
 * page.
 */
@Component
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final Problems problems;
  private final LocaleResolver localeResolver;
  private final JsonMapper json;

  ApiAuthenticationEntryPoint(Problems problems, LocaleResolver localeResolver, JsonMapper json) {
    this.problems = problems;
    this.localeResolver = localeResolver;
    this.json = json;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized");
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    // A missing or stale CSRF token is the browser client's mistake, not a missing permission.
    write(
        request, response, HttpStatus.FORBIDDEN, e instanceof CsrfException ? "csrf" : "forbidden");
  }

  private void write(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
      throws IOException {
    ProblemDetail problem =
        problems.of(request, status, code, localeResolver.resolveLocale(request));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    if (status == HttpStatus.UNAUTHORIZED) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"guildhall\"");
    }
    json.writeValue(response.getOutputStream(), problem);
  }
}

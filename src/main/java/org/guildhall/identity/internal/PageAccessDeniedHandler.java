package org.guildhall.identity.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.guildhall.platform.web.ErrorPages;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * 403 on pages. A form or htmx control whose CSRF token no longer matches (the page stayed open
 * while its token cookie went away) is not a missing permission: an htmx request reloads the whole
 * page ({@code HX-Refresh}), which brings a fresh token (or the sign-in page), and a plain form
 * gets the 403 page saying to reload rather than "no access". Everything else gets the 403 page.
 */
@Component
class PageAccessDeniedHandler implements AccessDeniedHandler {

  private final AccessDeniedHandler errorPage = new AccessDeniedHandlerImpl();

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException, ServletException {
    if (denied instanceof CsrfException) {
      if ("true".equals(request.getHeader("HX-Request"))) {
        response.setHeader("HX-Refresh", "true");
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return;
      }
      request.setAttribute(ErrorPages.DETAIL_KEY_ATTRIBUTE, "error.403.csrf");
    }
    errorPage.handle(request, response, denied);
  }
}

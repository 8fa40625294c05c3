package org.guildhall.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.guildhall.platform.web.SafeRedirects;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * Sends a visitor who needs to sign in to the sign-in page. For an htmx request (whose session may
 * have expired mid-page) it answers {@code HX-Redirect} so htmx loads the whole sign-in page
 * instead of swapping it into a fragment; the page the visitor was on ({@code HX-Current-URL})
 * comes along as {@code next}, so that signing in leads back to it rather than to the fragment's
 * address.
 */
@Component
class HtmxAwareEntryPoint extends LoginUrlAuthenticationEntryPoint {

  HtmxAwareEntryPoint() {
    super("/login");
  }

  @Override
  public void commence(
      HttpServletRequest request,
      HttpServletResponse response,
      AuthenticationException authException)
      throws IOException, jakarta.servlet.ServletException {
    if ("true".equals(request.getHeader("HX-Request"))) {
      String login = request.getContextPath() + "/login?expired";
      String back = pageBeforeSwap(request);
      if (back != null) {
        login += "&next=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
      }
      response.setHeader("HX-Redirect", login);
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    super.commence(request, response, authException);
  }

  /** The local path (and query) of the page that sent the htmx request, if it is one of ours. */
  static String pageBeforeSwap(HttpServletRequest request) {
    String current = request.getHeader("HX-Current-URL");
    if (current == null || current.isBlank()) {
      return null;
    }
    try {
      URI uri = URI.create(current);
      if (uri.getHost() != null && !uri.getHost().equalsIgnoreCase(request.getServerName())) {
        return null;
      }
      String path = uri.getRawPath();
      if (path == null || path.isEmpty()) {
        return null;
      }
      if (uri.getRawQuery() != null) {
        path += "?" + uri.getRawQuery();
      }
      String context = request.getContextPath();
      if (!context.isEmpty() && path.startsWith(context)) {
        path = path.substring(context.length());
      }
      return SafeRedirects.localPathOr(path, null);
    } catch (IllegalArgumentException malformed) {
      return null;
    }
  }
}

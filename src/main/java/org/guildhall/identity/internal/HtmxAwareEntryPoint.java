package org.guildhall.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * Sends a visitor who needs to sign in to the sign-in page. For an htmx request (whose session may
 * have expired mid-page) it answers {@code HX-Redirect} so htmx reloads the whole page there
 * instead of swapping the sign-in page into a fragment.
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
      response.setHeader("HX-Redirect", request.getContextPath() + "/login?expired");
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    super.commence(request, response, authException);
  }
}

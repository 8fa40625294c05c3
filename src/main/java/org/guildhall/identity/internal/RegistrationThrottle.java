package org.guildhall.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** Registration and password-reset requests are limited per client address and per e-mail. */
@Component
public class RegistrationThrottle {

  private final LoginThrottle throttle;

  RegistrationThrottle(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  public boolean allow(HttpServletRequest request, String email) {
    return throttle.allowRegistration(request, email);
  }

  /** When a refused caller may try again (for the API's Retry-After). */
  public Duration retryAfter() {
    return throttle.registrationRetryAfter();
  }
}

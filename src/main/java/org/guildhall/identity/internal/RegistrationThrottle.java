package org.guildhall.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
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
}

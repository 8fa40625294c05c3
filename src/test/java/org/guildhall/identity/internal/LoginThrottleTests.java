package org.guildhall.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.http.Cookie;
import org.guildhall.platform.InstallationSettings;
import org.guildhall.platform.ratelimit.RateLimiter;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class LoginThrottleTests {

  LoginThrottle throttle() {
    InstallationSettings settings = mock(InstallationSettings.class);
    when(settings.secret("security.device-cookie-key")).thenReturn("test-secret");
    return new LoginThrottle(new RateLimiter(), settings, "", 5, 3, 2, false);
  }

  static MockHttpServletRequest from(String address) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
    request.setRemoteAddr(address);
    return request;
  }

  @Test
  void limitsAttemptsPerAddress() {
    LoginThrottle throttle = throttle();
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.allowSignIn(from("203.0.113.7"), "a" + i + "@example.com")).isTrue();
    }
    assertThat(throttle.allowSignIn(from("203.0.113.7"), "z@example.com")).isFalse();
    assertThat(throttle.allowSignIn(from("198.51.100.1"), "z@example.com"))
        .as("other address")
        .isTrue();
  }

  static MockHttpServletResponse signedIn(LoginThrottle throttle, String email) {
    MockHttpServletResponse response = new MockHttpServletResponse();
    throttle.recordSuccess(from("192.0.2.1"), email, response);
    return response;
  }

  static MockHttpServletRequest withDevice(String address, Cookie device) {
    MockHttpServletRequest request = from(address);
    request.setCookies(device);
    return request;
  }

  @Test
  void countsOnlyFailuresPerAccountAndForgetsThemAfterSuccess() {
    LoginThrottle throttle = throttle();
    for (int i = 0; i < 3; i++) {
      throttle.recordFailure(from("198.51.100.9"), "Victim@Example.com");
    }
    assertThat(throttle.allowSignIn(from("198.51.100.2"), "victim@example.com")).isFalse();
    signedIn(throttle, "victim@example.com");
    assertThat(throttle.allowSignIn(from("198.51.100.3"), "victim@example.com")).isTrue();
  }

  @Test
  void aKnownDeviceGetsThroughAnAccountLockout() {
    LoginThrottle throttle = throttle();
    Cookie device = signedIn(throttle, "member@example.com").getCookie(LoginThrottle.DEVICE_COOKIE);
    for (int i = 0; i < 3; i++) {
      throttle.recordFailure(from("198.51.100.7"), "member@example.com");
    }
    assertThat(throttle.allowSignIn(withDevice("198.51.100.4", device), "member@example.com"))
        .isTrue();
    assertThat(throttle.allowSignIn(from("198.51.100.5"), "member@example.com")).isFalse();
    for (int i = 0; i < 3; i++) {
      throttle.recordFailure(from("198.51.100.8"), "other@example.com");
    }
    assertThat(throttle.allowSignIn(withDevice("198.51.100.6", device), "other@example.com"))
        .as("cookie is per account")
        .isFalse();
  }

  @Test
  void aCopiedDeviceCookieBuysOnlyItsOwnFewGuesses() {
    LoginThrottle throttle = throttle();
    Cookie device = signedIn(throttle, "member@example.com").getCookie(LoginThrottle.DEVICE_COOKIE);
    assertThat(device.getValue()).contains(".");
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.allowSignIn(withDevice("203.0.113.50", device), "member@example.com"))
          .isTrue();
      throttle.recordFailure(withDevice("203.0.113.50", device), "member@example.com");
    }
    assertThat(throttle.allowSignIn(withDevice("203.0.113.51", device), "member@example.com"))
        .as("this device is locked")
        .isFalse();
    assertThat(throttle.allowSignIn(from("203.0.113.52"), "member@example.com"))
        .as("its failures did not use up the account's")
        .isTrue();
    Cookie otherDevice =
        signedIn(throttle, "member@example.com").getCookie(LoginThrottle.DEVICE_COOKIE);
    assertThat(otherDevice.getValue()).isNotEqualTo(device.getValue());
    assertThat(throttle.allowSignIn(withDevice("203.0.113.53", otherDevice), "member@example.com"))
        .as("another device of the member is not")
        .isTrue();
  }

  @Test
  void aMembersSignInOnTheirDeviceDoesNotRefillTheGuessersAttempts() {
    LoginThrottle throttle = throttle();
    Cookie device = signedIn(throttle, "member@example.com").getCookie(LoginThrottle.DEVICE_COOKIE);
    for (int i = 0; i < 3; i++) {
      throttle.recordFailure(from("203.0.113.60"), "member@example.com");
    }
    throttle.recordSuccess(
        withDevice("198.51.100.61", device), "member@example.com", new MockHttpServletResponse());
    assertThat(throttle.allowSignIn(from("203.0.113.60"), "member@example.com")).isFalse();
  }

  @Test
  void aForgedOrOldStyleDeviceCookieIsNotTrusted() {
    LoginThrottle throttle = throttle();
    for (int i = 0; i < 3; i++) {
      throttle.recordFailure(from("203.0.113.70"), "member@example.com");
    }
    for (String value : new String[] {"abc.def", "nonce.", ".mac", "no-dot-at-all"}) {
      assertThat(
              throttle.allowSignIn(
                  withDevice("203.0.113.71", new Cookie(LoginThrottle.DEVICE_COOKIE, value)),
                  "member@example.com"))
          .as(value)
          .isFalse();
    }
  }

  @Test
  void countsAnIpv6ClientByItsSlash64() {
    LoginThrottle throttle = throttle();
    for (int i = 0; i < 5; i++) {
      // A client that takes a fresh address from its /64 for every attempt.
      assertThat(throttle.allowSignIn(from("2001:db8:1:2:0:0:0:" + (i + 1)), "x@example.com"))
          .isTrue();
    }
    assertThat(throttle.allowSignIn(from("2001:db8:1:2:ffff:ffff:ffff:ffff"), "x@example.com"))
        .isFalse();
    assertThat(throttle.allowSignIn(from("2001:db8:1:3::1"), "x@example.com"))
        .as("another /64")
        .isTrue();
    assertThat(LoginThrottle.clientKey(from("2001:DB8:1:2::abcd"))).isEqualTo("2001:db8:1:2::/64");
    assertThat(LoginThrottle.clientKey(from("203.0.113.9"))).isEqualTo("203.0.113.9");
    assertThat(LoginThrottle.clientKey(from("::ffff:203.0.113.9"))).isEqualTo("::ffff:203.0.113.9");
  }

  @Test
  void limitsRegistrationsPerAddressAndPerEmail() {
    LoginThrottle throttle = throttle(); // 2 registrations per address and hour
    assertThat(throttle.allowRegistration(from("203.0.113.20"), "a@example.com")).isTrue();
    assertThat(throttle.allowRegistration(from("203.0.113.20"), "b@example.com")).isTrue();
    assertThat(throttle.allowRegistration(from("203.0.113.20"), "c@example.com")).isFalse();
    for (int i = 0; i < 10; i++) {
      assertThat(throttle.allowRegistration(from("198.51.100." + (30 + i)), " Same@Example.com"))
          .isTrue();
    }
    assertThat(throttle.allowRegistration(from("198.51.100.99"), "same@example.com"))
        .as("ten a hour per e-mail, from any address, in any case")
        .isFalse();
  }
}

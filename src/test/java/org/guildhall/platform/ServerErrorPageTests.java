package org.guildhall.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import org.guildhall.membership.MembershipApi;
import org.guildhall.support.Browser;
import org.guildhall.support.Browser.Page;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** An unexpected failure shows the designed 500 page, never the exception or a stack trace. */
@WebIntegrationTest
class ServerErrorPageTests {

  @LocalServerPort int port;
  @MockitoBean MembershipApi membership;

  @Test
  void aCrashShowsTheErrorPageWithoutDetails() {
    when(membership.tiers(any()))
        .thenThrow(new IllegalStateException("secret table layout at db://internal"));
    Page page = new Browser(port).get("/");
    assertThat(page.status()).isEqualTo(500);
    assertThat(page.body())
        .contains("data-testid=\"error-page\"")
        .contains("Something went wrong on our side")
        .doesNotContain("secret table layout")
        .doesNotContain("IllegalStateException")
        .doesNotContain("at org.");
  }
}

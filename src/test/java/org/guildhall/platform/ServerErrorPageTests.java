package org.guildhall.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.when;

import org.guildhall.membership.MembershipApi;
import org.guildhall.support.Browser;
import org.guildhall.support.Browser.Page;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * An unexpected failure shows the designed 500 page, and a business refusal the 409 page with its
 * reason, in the visitor's language, never the exception or a stack trace.
 */
@WebIntegrationTest
class ServerErrorPageTests {

  @LocalServerPort int port;
  @MockitoBean MembershipApi membership;

  @AfterEach
  void forget() {
    reset(membership);
  }

  @Test
  void aCrashShowsTheErrorPageWithoutDetails() {
    when(membership.tiers(any()))
        .thenThrow(new IllegalStateException("secret table layout at db://internal"));
    Page page = new Browser(port).get("/");
    assertThat(page.status()).isEqualTo(500);
    assertThat(page.body())
        .contains("data-testid=\"error-page\"")
        .contains("Something went wrong on our side")
        .contains("<a class=\"btn btn--primary\" href=\"/\">")
        .doesNotContain("secret table layout")
        .doesNotContain("IllegalStateException")
        .doesNotContain("at org.");

    Page chinese = new Browser(port).language("zh-CN").get("/");
    assertThat(chinese.status()).isEqualTo(500);
    assertThat(chinese.body())
        .contains("<html lang=\"zh-CN\"")
        .contains("服务出了点问题")
        .contains("返回首页")
        .doesNotContain("secret table layout");
  }

  @Test
  void aRefusalShowsTheConflictPageWithItsReason() {
    when(membership.tiers(any()))
        .thenThrow(DomainException.conflict("membership.nothing-to-cancel"));
    Page page = new Browser(port).get("/");
    assertThat(page.status()).isEqualTo(409);
    assertThat(page.body())
        .contains("data-testid=\"error-page\"")
        .contains("That clashed with something")
        .contains("There is no active membership to cancel.")
        .doesNotContain("problem.membership")
        .doesNotContain("DomainException");

    Page chinese = new Browser(port).language("zh-CN").get("/");
    assertThat(chinese.status()).isEqualTo(409);
    assertThat(chinese.body())
        .contains("<html lang=\"zh-CN\"")
        .contains("操作发生冲突")
        .contains("当前没有有效的会员可以取消。");
  }
}

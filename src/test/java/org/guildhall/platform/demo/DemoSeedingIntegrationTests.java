package org.guildhall.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.guildhall.support.Browser;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A first start answers before the demo community is seeded: while it is, the home page says so in
 * the visitor's language and polls, and the poll reloads the page once the application is ready.
 */
@WebIntegrationTest
class DemoSeedingIntegrationTests {

  @LocalServerPort int port;
  @Autowired DemoMode demo;

  @AfterEach
  void ready() {
    demo.seedingFinished();
  }

  @Test
  void whileTheDemoIsSeededTheHomePageSaysSoAndReloadsOnceItIsReady() {
    Browser visitor = new Browser(port);
    assertThat(visitor.get("/").body()).doesNotContain("data-testid=\"demo-seeding\"");

    demo.seedingStarted();
    assertThat(demo.seeding()).isTrue();
    assertThat(visitor.get("/").body())
        .contains("data-testid=\"demo-seeding\"")
        .contains("hx-get=\"/demo/status\"")
        .contains("The demo community is being set up");
    assertThat(new Browser(port).language("zh-CN").get("/").body()).contains("演示社群正在准备中");
    Browser.Page polling = visitor.get("/demo/status", Map.of("HX-Request", "true"));
    assertThat(polling.status()).isEqualTo(204);
    assertThat(polling.header("HX-Refresh")).isEmpty();

    demo.seedingFinished();
    assertThat(demo.seeding()).isFalse();
    Browser.Page done = visitor.get("/demo/status", Map.of("HX-Request", "true"));
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.header("HX-Refresh")).contains("true");
    assertThat(visitor.get("/").body()).doesNotContain("data-testid=\"demo-seeding\"");
  }
}

package org.guildhall.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.guildhall.support.Browser;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The "Join" page compares tiers monthly or yearly and shows the yearly saving. */
@WebIntegrationTest
class JoinPageIntegrationTests {

  @LocalServerPort int port;

  @Test
  void showsYearlyPricesWithTheSavingByDefault() {
    String page = new Browser(port).get("/join").body();
    assertThat(page).contains("¥299").contains("/ year").contains("or ¥35 a month");
    assertThat(page).contains("data-testid=\"saving-premium\">save ¥121 a year");
    assertThat(page).contains("aria-pressed=\"true\" data-testid=\"billing-yearly\"");
  }

  @Test
  void switchesToMonthlyAndGivesHtmxOnlyTheGrid() {
    Browser browser = new Browser(port);
    String full = browser.get("/join?billing=monthly").body();
    assertThat(full)
        .contains("<html")
        .contains("¥35")
        .contains("/ month")
        .contains("or ¥299 a year");
    String fragment = browser.get("/join?billing=monthly", Map.of("HX-Request", "true")).body();
    assertThat(fragment)
        .doesNotContain("<html")
        .startsWith("<div id=\"tier-grid\"")
        .contains("¥35");
    String chinese = new Browser(port).language("zh-CN").get("/join?billing=monthly").body();
    assertThat(chinese).contains("高级会员").contains("/ 月").contains("每年省 ¥121");
  }
}

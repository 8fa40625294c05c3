package org.guildhall.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.guildhall.support.Browser;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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

  @Autowired org.guildhall.commerce.CommerceAdminApi admin;
  @Autowired org.guildhall.support.MutableClock clock;
  @Autowired org.guildhall.commerce.CommerceApi commerce;

  @Test
  void aRunningOfferOnAPlanIsAnnouncedWithItsCountdownAndPricedAtCheckout() {
    java.time.ZoneId zone = java.time.ZoneOffset.UTC;
    java.time.LocalDateTime now = java.time.LocalDateTime.ofInstant(clock.instant(), zone);
    var offer =
        admin.createOffer(
            new org.guildhall.commerce.OfferForm(
                "Spring sale",
                "春季特惠",
                "membership",
                "premium:YEARLY",
                "10",
                "",
                now.minusMinutes(1).withNano(0).toString(),
                now.plusHours(2).withNano(0).toString(),
                true),
            zone);
    try {
      String page = new Browser(port).get("/join").body();
      assertThat(page)
          .contains("data-testid=\"offer-banner\"")
          .contains("Spring sale")
          .contains("10% off");
      assertThat(page).contains("data-countdown=\"" + offer.endsAt());
      var quote =
          commerce.quote(
              new org.guildhall.commerce.ItemRef("membership", "premium:YEARLY"),
              null,
              null,
              null,
              null,
              java.util.Locale.ENGLISH);
      assertThat(quote.lines())
          .extracting(org.guildhall.commerce.PriceLine::kind)
          .contains("OFFER");
      assertThat(quote.total()).isEqualTo(org.guildhall.shared.Money.of(26910, "CNY"));
      assertThat(quote.offerEndsAt()).isEqualTo(offer.endsAt());
      assertThat(
              commerce
                  .quote(
                      new org.guildhall.commerce.ItemRef("membership", "premium:MONTHLY"),
                      null,
                      null,
                      null,
                      null,
                      java.util.Locale.ENGLISH)
                  .total())
          .as("the offer covers the yearly plan only")
          .isEqualTo(org.guildhall.shared.Money.of(3500, "CNY"));
    } finally {
      admin.setOfferActive(offer.id(), false);
    }
    assertThat(new Browser(port).get("/join").body()).doesNotContain("offer-banner");
  }
}

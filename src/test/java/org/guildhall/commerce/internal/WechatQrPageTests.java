package org.guildhall.commerce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.guildhall.commerce.OrderStatus;
import org.guildhall.commerce.PriceLine;
import org.guildhall.identity.IdentityApi;
import org.guildhall.support.Browser;
import org.guildhall.support.People;
import org.guildhall.support.TestItems;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** WeChat Pay Native: the buyer scans a QR code drawn on our own page; others cannot see it. */
@WebIntegrationTest
class WechatQrPageTests {

  @LocalServerPort int port;
  @Autowired OrderStore orders;
  @Autowired IdentityApi identity;

  @Test
  void aPendingWechatOrderShowsItsQrCodeToItsBuyerOnly() {
    People.Person person = People.provision(identity, "wx");
    UUID buyer = person.id();
    UUID id = UUID.randomUUID();
    Instant now = Instant.now();
    orders.insert(
        new OrderRow(
            id,
            buyer,
            TestItems.item("wechat"),
            "Test item",
            TestItems.PRICE,
            0,
            OrderStatus.PENDING,
            "wechat",
            null,
            null,
            null,
            null,
            0,
            null,
            null,
            null,
            "k-" + id,
            now,
            now.plus(Duration.ofMinutes(30)),
            null,
            null,
            null),
        List.of(new PriceLine("TOTAL", "Total", TestItems.PRICE)));
    orders.startedPayment(
        id, id.toString().replace("-", ""), "weixin://wxpay/bizpayurl?pr=Test123");

    Browser browser = new Browser(port);
    browser.signIn(person.email(), People.PASSWORD);
    Browser.Page page = browser.get("/orders/" + id + "/wechat");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("data-testid=\"wechat-qr\"")
        .contains("<svg")
        .contains("<path fill=\"#000\" d=\"M");
    assertThat(page.body()).contains("hx-trigger=\"every 1s\"");
    assertThat(page.body()).doesNotContain("style=");

    Browser stranger = new Browser(port);
    stranger.signIn("free@guildhall.demo", "guildhall-demo");
    assertThat(stranger.get("/orders/" + id + "/wechat").status()).isEqualTo(404);
  }
}

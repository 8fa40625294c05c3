package org.guildhall.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.guildhall.commerce.CheckoutRequest;
import org.guildhall.commerce.CheckoutStart;
import org.guildhall.commerce.CommerceApi;
import org.guildhall.commerce.OrderView;
import org.guildhall.commerce.internal.CommercePaymentsForTests;
import org.guildhall.identity.IdentityApi;
import org.guildhall.platform.DomainException;
import org.guildhall.shared.Money;
import org.guildhall.support.Browser;
import org.guildhall.support.People;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Gift and bulk codes: bought in a batch, each redeemed once, voided by a refund. */
@WebIntegrationTest
class GiftCodeIntegrationTests {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired MembershipApi membership;
  @Autowired CommerceApi commerce;
  @Autowired IdentityApi identity;

  UUID person() {
    return People.provision(identity, "g").id();
  }

  OrderView buyCodes(UUID buyer, int quantity) {
    CheckoutStart start =
        commerce.checkout(
            new CheckoutRequest(
                buyer,
                null,
                membership.giftItem("premium", BillingPeriod.YEARLY, quantity),
                null,
                null,
                null,
                "k-" + UUID.randomUUID(),
                Locale.ENGLISH,
                "http://localhost:" + port));
    OrderView paid = new CommercePaymentsForTests(context, port).payAndDeliver(start.orderId());
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> membership.giftCodes(buyer, Locale.ENGLISH).size() == quantity);
    return paid;
  }

  @Test
  void anOrganisationBuysCodesAndEachIsRedeemedOnceForOneYear() throws Exception {
    UUID organisation = person();
    OrderView order = buyCodes(organisation, 3);
    assertThat(order.total()).isEqualTo(Money.of(3 * 29900, "CNY"));
    List<GiftCodeView> codes = membership.giftCodes(organisation, Locale.ENGLISH);
    assertThat(codes).extracting(GiftCodeView::status).containsOnly("AVAILABLE");

    UUID member = person();
    MembershipView granted =
        membership.redeem(member, codes.get(0).display().toLowerCase(Locale.ROOT));
    assertThat(granted.tierSlug()).isEqualTo("premium");
    assertThat(granted.currentPeriodEnd())
        .isEqualTo(granted.startedAt().atZone(ZoneOffset.UTC).plusYears(1).toInstant());
    assertThatThrownBy(() -> membership.redeem(person(), codes.get(0).code()))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).fieldErrors())
        .isEqualTo(Map.of("code", "gift.code.used"));

    // ten people try the same code at once: one gets it
    String contested = codes.get(1).code();
    ExecutorService pool = Executors.newFixedThreadPool(10);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> tries = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      UUID someone = person();
      tries.add(
          pool.submit(
              () -> {
                start.await();
                try {
                  membership.redeem(someone, contested);
                  return true;
                } catch (DomainException refused) {
                  return false;
                }
              }));
    }
    start.countDown();
    int winners = 0;
    for (Future<Boolean> t : tries) {
      winners += t.get() ? 1 : 0;
    }
    pool.shutdown();
    assertThat(winners).isEqualTo(1);
    assertThat(membership.giftCodes(organisation, Locale.ENGLISH))
        .extracting(GiftCodeView::status)
        .containsExactlyInAnyOrder("REDEEMED", "REDEEMED", "AVAILABLE");
  }

  @Test
  void aRefundVoidsTheCodesNotYetRedeemed() {
    UUID organisation = person();
    OrderView order = buyCodes(organisation, 4);
    String first = membership.giftCodes(organisation, Locale.ENGLISH).get(0).code();
    membership.redeem(person(), first);

    commerce.refund(order.id(), order.total().minor(), "The team left", null);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                membership.giftCodes(organisation, Locale.ENGLISH).stream()
                        .filter(c -> c.status().equals("VOID"))
                        .count()
                    == 3);
    String voided =
        membership.giftCodes(organisation, Locale.ENGLISH).stream()
            .filter(c -> c.status().equals("VOID"))
            .findFirst()
            .orElseThrow()
            .code();
    assertThatThrownBy(() -> membership.redeem(person(), voided))
        .isInstanceOf(DomainException.class);
  }

  @Test
  void thePagesValidateAndRedeem() {
    People.Person person = People.provision(identity, "w");
    Browser browser = new Browser(port);
    browser.signIn(person.email(), People.PASSWORD);
    assertThat(browser.get("/membership/gifts").body()).contains("data-testid=\"gift-form\"");
    Browser.Page bad =
        browser.post("/membership/gifts", Map.of("plan", "premium:YEARLY", "quantity", "0"));
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.body()).contains("data-testid=\"error-quantity\"");
    Browser.Page good =
        browser.post("/membership/gifts", Map.of("plan", "premium:YEARLY", "quantity", "5"));
    assertThat(good.status()).isEqualTo(302);
    assertThat(good.location()).endsWith("/checkout?item=gift/premium:YEARLY:5");
    Browser.Page unknown = browser.post("/redeem", Map.of("code", "NOPE-NOPE-NOPE"));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.body()).contains("data-testid=\"error-code\"");
  }
}

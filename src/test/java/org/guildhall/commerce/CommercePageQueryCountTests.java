package org.guildhall.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.guildhall.identity.IdentityApi;
import org.guildhall.support.Browser;
import org.guildhall.support.People;
import org.guildhall.support.SqlCounter;
import org.guildhall.support.TestItems;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The member's commerce pages run a fixed number of statements, whatever their history. */
@WebIntegrationTest
class CommercePageQueryCountTests {

  @LocalServerPort int port;
  @Autowired SqlCounter sql;
  @Autowired IdentityApi identity;
  @Autowired CommerceApi commerce;

  int statementsFor(Browser browser, String path) {
    browser.get(path);
    sql.reset();
    assertThat(browser.get(path).status()).isEqualTo(200);
    return sql.count();
  }

  UUID buyer;

  List<String> dataStatements() {
    return sql.statements().stream().filter(s -> !s.contains("SPRING_SESSION")).toList();
  }

  Browser buyerWithOrders(int orders) {
    People.Person person = People.provision(identity, "qc");
    buyer = person.id();
    order(orders);
    Browser browser = new Browser(port);
    browser.signIn(person.email(), People.PASSWORD);
    return browser;
  }

  void order(int orders) {
    for (int i = 0; i < orders; i++) {
      commerce.checkout(
          new CheckoutRequest(
              buyer,
              null,
              TestItems.item("qc-" + i),
              null,
              null,
              null,
              "k-" + UUID.randomUUID(),
              Locale.ENGLISH,
              "http://localhost:" + port));
    }
  }

  @Test
  void theOrderHistoryCostsTheSameForFiveOrdersAndForTwentyFive() {
    Browser browser = buyerWithOrders(5);
    statementsFor(browser, "/orders");
    List<String> five = dataStatements();
    order(20);
    int twentyFive = statementsFor(browser, "/orders");
    // Spring Session re-reads the session once more when a large page commits the response
    // early; the data statements are what must not grow with the rows.
    assertThat(dataStatements()).isEqualTo(five).hasSize(1);
    assertThat(twentyFive).isLessThanOrEqualTo(6);
  }

  @Test
  void theCheckoutAndMembershipPagesRunAFewStatements() {
    Browser browser = buyerWithOrders(3);
    assertThat(statementsFor(browser, "/checkout?item=membership/premium:YEARLY"))
        .isLessThanOrEqualTo(10);
    // one statement per tier for the ways in (three demo tiers); none per payment in the history
    assertThat(statementsFor(browser, "/membership")).isLessThanOrEqualTo(20);
  }
}

package org.guildhall.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.guildhall.commerce.CheckoutRequest;
import org.guildhall.commerce.CheckoutStart;
import org.guildhall.commerce.CommerceApi;
import org.guildhall.commerce.ItemRef;
import org.guildhall.commerce.OrderStatus;
import org.guildhall.commerce.OrderView;
import org.guildhall.commerce.PriceLine;
import org.guildhall.commerce.Quote;
import org.guildhall.commerce.internal.CommercePaymentsForTests;
import org.guildhall.identity.IdentityApi;
import org.guildhall.membership.MembershipEvents.MembershipReminder;
import org.guildhall.platform.DomainException;
import org.guildhall.shared.Money;
import org.guildhall.support.CapturedEvents;
import org.guildhall.support.MutableClock;
import org.guildhall.support.People;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Paid memberships end to end through the sandbox: a payment starts or extends the period, a refund
 * takes back exactly what its order granted, upgrades are credited pro rata, cancellations and
 * downgrades wait for the period end, and the expiry job moves unpaid ones on.
 */
@WebIntegrationTest
class PaidMembershipIntegrationTests {

  static final ItemRef PREMIUM_YEARLY = new ItemRef("membership", "premium:YEARLY");
  static final ItemRef PREMIUM_MONTHLY = new ItemRef("membership", "premium:MONTHLY");
  static final ItemRef BASIC_YEARLY = new ItemRef("membership", "basic:YEARLY");

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired CommerceApi commerce;
  @Autowired MembershipApi membership;
  @Autowired IdentityApi identity;
  @Autowired MutableClock clock;
  @Autowired CapturedEvents events;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  CommercePaymentsForTests payments() {
    return new CommercePaymentsForTests(context, port);
  }

  UUID member() {
    return People.provision(identity, "p").id();
  }

  OrderView buy(UUID buyer, ItemRef item) {
    CheckoutStart start =
        commerce.checkout(
            new CheckoutRequest(
                buyer,
                null,
                item,
                null,
                null,
                null,
                "k-" + UUID.randomUUID(),
                Locale.ENGLISH,
                "http://localhost:" + port));
    return payments().payAndDeliver(start.orderId());
  }

  MembershipView awaitLive(UUID account, java.util.function.Predicate<MembershipView> condition) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> membership.liveMembership(account).orElse(null),
            m -> m != null && condition.test(m));
  }

  int runExpiryJob() {
    return (Integer)
        ReflectionTestUtils.invokeMethod(context.getBean("membershipExpiryJob"), "runOnce");
  }

  int runReminderJob() {
    return (Integer)
        ReflectionTestUtils.invokeMethod(context.getBean("membershipReminderJob"), "runOnce");
  }

  @Test
  void payingForAYearStartsAnActiveMembershipAndPayingAgainExtendsIt() {
    UUID account = member();
    OrderView first = buy(account, PREMIUM_YEARLY);
    MembershipView active = awaitLive(account, m -> m.status() == MembershipStatus.ACTIVE);
    Instant end = active.currentPeriodEnd();
    assertThat(end)
        .isEqualTo(
            first
                .paidAt()
                .atZone(ZoneOffset.UTC)
                .plusYears(1)
                .toInstant()
                .truncatedTo(java.time.temporal.ChronoUnit.MICROS))
        .as("one year from payment");

    buy(account, PREMIUM_YEARLY);
    MembershipView extended = awaitLive(account, m -> m.currentPeriodEnd().isAfter(end));
    assertThat(extended.currentPeriodEnd())
        .isEqualTo(end.atZone(ZoneOffset.UTC).plusYears(1).toInstant());
    assertThat(membership.details(account, Locale.ENGLISH).history())
        .extracting(MembershipDetails.HistoryEntry::kind)
        .containsExactly("RENEWAL", "NEW");
  }

  @Test
  void aRecurringSubscriptionRenewsByItselfAtThePeriodEnd() {
    UUID account = member();
    OrderView first = buy(account, PREMIUM_MONTHLY);
    MembershipView active = awaitLive(account, m -> m.status() == MembershipStatus.ACTIVE);
    assertThat(first.subscriptionRef()).isNotNull();
    assertThat(membership.details(account, Locale.ENGLISH).autoRenews()).isTrue();

    clock.advance(Duration.between(clock.instant(), active.currentPeriodEnd()));
    context.getBean(org.guildhall.commerce.internal.SandboxGateway.class).renewDue();
    payments().deliver();
    MembershipView renewed =
        awaitLive(account, m -> m.currentPeriodEnd().isAfter(active.currentPeriodEnd()));
    assertThat(renewed.status()).isEqualTo(MembershipStatus.ACTIVE);
    assertThat(renewed.currentPeriodEnd())
        .isEqualTo(active.currentPeriodEnd().atZone(ZoneOffset.UTC).plusMonths(1).toInstant());
    List<OrderView> orders = commerce.ordersOf(account, null, 10).items();
    assertThat(orders).hasSize(2);
    assertThat(orders).extracting(OrderView::status).containsOnly(OrderStatus.PAID);
    assertThat(membership.details(account, Locale.ENGLISH).history())
        .extracting(MembershipDetails.HistoryEntry::kind)
        .containsExactly("RENEWAL", "NEW");
  }

  @Test
  void twentyConcurrentSubscribeAttemptsByOneMemberLeaveAtMostOneLiveMembership() throws Exception {
    UUID account = member();
    CommercePaymentsForTests payments = payments();
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<UUID>> orders = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      orders.add(
          pool.submit(
              () -> {
                start.await();
                CheckoutStart s =
                    commerce.checkout(
                        new CheckoutRequest(
                            account,
                            null,
                            PREMIUM_MONTHLY,
                            null,
                            null,
                            null,
                            "k-" + UUID.randomUUID(),
                            Locale.ENGLISH,
                            "http://localhost:" + port));
                payments.pay(s.orderId());
                return s.orderId();
              }));
    }
    start.countDown();
    List<UUID> ids = new ArrayList<>();
    for (Future<UUID> order : orders) {
      ids.add(order.get());
    }
    pool.shutdown();
    payments.deliver();
    for (UUID id : ids) {
      payments.awaitStatus(id, OrderStatus.PAID);
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                jdbc.sql("SELECT COUNT(*) FROM membership_grant WHERE account_id = ?")
                        .param(account)
                        .query(Long.class)
                        .single()
                    == 20);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM membership WHERE account_id = ?")
                .param(account)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM membership WHERE live_account_id = ?")
                .param(account)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    MembershipView live = membership.liveMembership(account).orElseThrow();
    Instant firstStart =
        jdbc.sql("SELECT MIN(period_start) FROM membership_grant WHERE account_id = ?")
            .param(account)
            .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
            .single();
    assertThat(live.currentPeriodEnd())
        .as("every payment's month counted once")
        .isEqualTo(firstStart.atZone(ZoneOffset.UTC).plusMonths(20).toInstant());
  }

  @Test
  void aFullRefundEndsTheMembershipThatItsOrderStarted() {
    UUID account = member();
    OrderView order = buy(account, PREMIUM_YEARLY);
    awaitLive(account, m -> m.status() == MembershipStatus.ACTIVE);
    commerce.refund(order.id(), order.total().minor(), "Changed my mind", null);
    assertThat(commerce.order(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.REFUNDED);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> membership.liveMembership(account).isEmpty());
    assertThat(
            jdbc.sql("SELECT status FROM membership WHERE account_id = ?")
                .param(account)
                .query(String.class)
                .single())
        .isEqualTo("EXPIRED");
  }

  @Test
  void aFullyRefundedSubscriptionStopsBilling() {
    UUID account = member();
    OrderView order = buy(account, PREMIUM_MONTHLY);
    assertThat(order.subscriptionRef()).isNotNull();
    commerce.refund(order.id(), order.total().minor(), "Refunded subscription", null);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                jdbc.sql("SELECT subscription_active FROM sandbox_session WHERE order_id = ?")
                    .param(order.id())
                    .query(Boolean.class)
                    .single()
                    .equals(false));
  }

  @Test
  void aPartialRefundShortensThePeriodByTheSameShare() {
    UUID account = member();
    OrderView first = buy(account, PREMIUM_YEARLY);
    OrderView second = buy(account, PREMIUM_YEARLY);
    MembershipView twoYears =
        awaitLive(
            account,
            m ->
                jdbc.sql("SELECT COUNT(*) FROM membership_grant WHERE account_id = ?")
                        .param(account)
                        .query(Long.class)
                        .single()
                    == 2);
    Instant end = membership.liveMembership(account).orElseThrow().currentPeriodEnd();
    long secondsOfSecondYear =
        jdbc.sql("SELECT period_start, period_end FROM membership_grant WHERE order_id = ?")
            .param(second.id())
            .query(
                (rs, n) ->
                    Duration.between(
                            rs.getObject(1, java.time.OffsetDateTime.class),
                            rs.getObject(2, java.time.OffsetDateTime.class))
                        .toSeconds())
            .single();

    commerce.refund(second.id(), second.total().minor() / 2, "Half back", null);
    assertThat(commerce.order(second.id()).orElseThrow().status())
        .isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
    MembershipView shortened = awaitLive(account, m -> m.currentPeriodEnd().isBefore(end));
    assertThat(Duration.between(shortened.currentPeriodEnd(), end).toSeconds())
        .isEqualTo(secondsOfSecondYear / 2);
    assertThat(shortened.status()).isEqualTo(MembershipStatus.ACTIVE);
    assertThat(first.id()).isNotNull();
    assertThat(twoYears).isNotNull();
  }

  @Test
  void upgradingNowIsCreditedWithTheUnusedPartOfTheCurrentPlan() {
    UUID account = member();
    OrderView basic = buy(account, BASIC_YEARLY);
    awaitLive(account, m -> m.tierSlug().equals("basic"));
    clock.advance(Duration.ofDays(73)); // about a fifth of the year used

    Quote quote = commerce.quote(PREMIUM_YEARLY, account, null, null, null, Locale.ENGLISH);
    PriceLine credit =
        quote.lines().stream().filter(l -> l.kind().equals("ADJUSTMENT")).findFirst().orElseThrow();
    long yearSeconds =
        Duration.between(
                basic.paidAt(), basic.paidAt().atZone(ZoneOffset.UTC).plusYears(1).toInstant())
            .toSeconds();
    long expected =
        Math.floorDiv(
            basic.total().minor() * (yearSeconds - Duration.ofDays(73).toSeconds()), yearSeconds);
    assertThat(-credit.amount().minor()).isBetween(expected - 1, expected + 1);
    assertThat(quote.total()).isEqualTo(Money.of(29900, "CNY").plus(credit.amount()));

    buy(account, PREMIUM_YEARLY);
    MembershipView premium = awaitLive(account, m -> m.tierSlug().equals("premium"));
    assertThat(premium.status()).isEqualTo(MembershipStatus.ACTIVE);
    assertThatThrownBy(
            () ->
                commerce.checkout(
                    new CheckoutRequest(
                        account,
                        null,
                        BASIC_YEARLY,
                        null,
                        null,
                        null,
                        "k-" + UUID.randomUUID(),
                        Locale.ENGLISH,
                        "http://localhost:" + port)))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).code())
        .isEqualTo("membership.downgrade-at-period-end");
  }

  @Test
  void payingMembersGetTheirTiersMemberPriceOnItemsButTrialsDoNot() {
    UUID basic = member();
    buy(basic, BASIC_YEARLY);
    awaitLive(basic, m -> m.status() == MembershipStatus.ACTIVE);
    Quote member =
        commerce.quote(
            org.guildhall.support.TestItems.item("member-price"),
            basic,
            null,
            null,
            null,
            Locale.ENGLISH);
    assertThat(member.lines())
        .extracting(PriceLine::kind)
        .containsExactly("LIST", "ADJUSTMENT", "TOTAL");
    assertThat(member.lines().get(1).label()).contains("Basic").contains("10%");
    assertThat(member.total()).isEqualTo(Money.of(4500, "CNY"));
    assertThat(commerce.quote(BASIC_YEARLY, basic, null, null, null, Locale.ENGLISH).lines())
        .as("plans are not discounted by the member price")
        .extracting(PriceLine::kind)
        .doesNotContain("ADJUSTMENT");

    UUID trial = member();
    membership.startTrial(trial, "premium");
    assertThat(
            commerce
                .quote(
                    org.guildhall.support.TestItems.item("member-price"),
                    trial,
                    null,
                    null,
                    null,
                    Locale.ENGLISH)
                .total())
        .isEqualTo(Money.of(5000, "CNY"));
  }

  @Test
  void cancellingKeepsAccessToThePeriodEndAndThenTheJobEndsIt() {
    UUID account = member();
    buy(account, PREMIUM_MONTHLY);
    MembershipView active = awaitLive(account, m -> m.status() == MembershipStatus.ACTIVE);
    assertThatThrownBy(() -> membership.cancel(account, "because", null))
        .isInstanceOf(DomainException.class);
    membership.cancel(account, "too-expensive", "Maybe later");
    assertThat(membership.liveMembership(account).orElseThrow().status())
        .isEqualTo(MembershipStatus.CANCELED);
    membership.resume(account);
    assertThat(membership.liveMembership(account).orElseThrow().status())
        .isEqualTo(MembershipStatus.ACTIVE);
    membership.cancel(account, "not-using", null);

    clock.advance(Duration.between(clock.instant(), active.currentPeriodEnd()).minusSeconds(1));
    runExpiryJob();
    assertThat(membership.liveMembership(account)).isPresent();
    clock.advance(Duration.ofSeconds(1));
    runExpiryJob();
    assertThat(membership.liveMembership(account)).isEmpty();
  }

  @Test
  void anUnpaidPeriodFallsPastDueForTheGraceAndThenExpires() {
    UUID account = member();
    // a prepaid period: the sandbox's recurring billing is stopped, so nothing renews it
    commerce.stopSubscription(buy(account, PREMIUM_MONTHLY).id());
    MembershipView active = awaitLive(account, m -> m.status() == MembershipStatus.ACTIVE);
    clock.advance(Duration.between(clock.instant(), active.currentPeriodEnd()));
    runExpiryJob();
    MembershipView pastDue = membership.liveMembership(account).orElseThrow();
    assertThat(pastDue.status()).isEqualTo(MembershipStatus.PAST_DUE);
    assertThat(pastDue.graceUntil()).isEqualTo(active.currentPeriodEnd().plus(Duration.ofDays(3)));

    clock.advance(Duration.ofDays(3));
    runExpiryJob();
    assertThat(membership.liveMembership(account)).isEmpty();
  }

  @Test
  void aDowngradeTakesEffectAtThePeriodEnd() {
    UUID account = member();
    buy(account, PREMIUM_MONTHLY);
    MembershipView active = awaitLive(account, m -> m.status() == MembershipStatus.ACTIVE);
    membership.downgrade(account, "basic", BillingPeriod.YEARLY);
    assertThat(membership.details(account, Locale.ENGLISH).pendingTier().slug()).isEqualTo("basic");
    assertThat(membership.liveMembership(account).orElseThrow().tierSlug()).isEqualTo("premium");

    clock.advance(Duration.between(clock.instant(), active.currentPeriodEnd()));
    runExpiryJob();
    MembershipView after = membership.liveMembership(account).orElseThrow();
    assertThat(after.tierSlug()).isEqualTo("basic");
    assertThat(after.status()).isEqualTo(MembershipStatus.PAST_DUE);
    buy(account, BASIC_YEARLY);
    assertThat(awaitLive(account, m -> m.status() == MembershipStatus.ACTIVE).tierSlug())
        .isEqualTo("basic");
  }

  @Test
  void remindersGoOutSevenDaysAndOneDayBeforeOnExpiryAndAWinBackOfferAfterOnceEach() {
    UUID account = member();
    commerce.stopSubscription(buy(account, PREMIUM_MONTHLY).id());
    MembershipView active = awaitLive(account, m -> m.status() == MembershipStatus.ACTIVE);
    Instant end = active.currentPeriodEnd();

    clock.advance(Duration.between(clock.instant(), end.minus(Duration.ofDays(6))));
    runReminderJob();
    runReminderJob();
    clock.advance(Duration.ofDays(5).plusHours(12));
    runReminderJob();
    clock.advance(Duration.ofHours(12));
    runExpiryJob(); // past due
    clock.advance(Duration.ofDays(3));
    runExpiryJob(); // expired
    runReminderJob();
    clock.advance(Duration.ofDays(3));
    runReminderJob();
    runReminderJob();

    List<String> kinds =
        events.all(MembershipReminder.class).stream()
            .filter(r -> r.accountId().equals(account))
            .map(MembershipReminder::kind)
            .toList();
    assertThat(kinds).containsExactly("D7", "D1", "EXPIRED", "WINBACK");
    String coupon =
        events.all(MembershipReminder.class).stream()
            .filter(r -> r.accountId().equals(account) && r.kind().equals("WINBACK"))
            .findFirst()
            .orElseThrow()
            .couponCode();
    Quote comeBack = commerce.quote(PREMIUM_YEARLY, account, coupon, null, null, Locale.ENGLISH);
    assertThat(comeBack.problems()).isEmpty();
    assertThat(comeBack.total()).isEqualTo(Money.of(23920, "CNY"));
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                jdbc.sql(
                            "SELECT COUNT(*) FROM mail_message WHERE kind LIKE 'membership-reminder-%' AND recipient LIKE 'p%'")
                        .query(Long.class)
                        .single()
                    >= 4);
  }
}

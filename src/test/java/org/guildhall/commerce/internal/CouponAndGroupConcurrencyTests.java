package org.guildhall.commerce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.guildhall.commerce.CheckoutStart;
import org.guildhall.commerce.CommerceEvents.GroupCompleted;
import org.guildhall.commerce.CommerceEvents.OrderPaid;
import org.guildhall.commerce.OrderStatus;
import org.guildhall.commerce.Quote;
import org.guildhall.platform.DomainException;
import org.guildhall.shared.Money;
import org.guildhall.support.CapturedEvents;
import org.guildhall.support.MutableClock;
import org.guildhall.support.TestItems;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Coupon and group-buy limits under concurrent checkouts: the database is the last guard. */
@WebIntegrationTest
class CouponAndGroupConcurrencyTests {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired CouponStore coupons;
  @Autowired GroupStore groups;
  @Autowired MutableClock clock;
  @Autowired CapturedEvents events;
  PaymentsFixture f;

  @BeforeEach
  void setUp() {
    f = new PaymentsFixture(context, port);
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  String coupon(Integer totalLimit, int perPerson) {
    String code =
        "T"
            + UUID.randomUUID()
                .toString()
                .replace("-", "")
                .substring(0, 10)
                .toUpperCase(Locale.ROOT);
    Instant now = clock.instant();
    coupons.insert(
        new CouponStore.Coupon(
            UUID.randomUUID(),
            code,
            20,
            null,
            "test-item",
            null,
            now.minusSeconds(60),
            now.plus(Duration.ofDays(1)),
            totalLimit,
            perPerson,
            false,
            0,
            true,
            now));
    return code;
  }

  /** Runs every task at once; returns what each returned, or the exception it threw. */
  static List<Object> together(List<Callable<Object>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(tasks.size(), 64));
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Object>> futures = new ArrayList<>();
      for (Callable<Object> task : tasks) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    return task.call();
                  } catch (DomainException refused) {
                    return refused;
                  }
                }));
      }
      start.countDown();
      List<Object> results = new ArrayList<>();
      for (Future<Object> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aSingleUseCouponUnderSixtyFourConcurrentCheckoutsIsUsedByExactlyOnePaidOrder()
      throws Exception {
    String code = coupon(1, 1);
    List<UUID> buyers = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      buyers.add(f.buyer());
    }
    List<Callable<Object>> tasks = new ArrayList<>();
    for (UUID buyer : buyers) {
      tasks.add(() -> f.checkout(buyer, TestItems.item("coupon"), code, null, null));
    }
    List<Object> results = together(tasks);

    List<CheckoutStart> made =
        results.stream()
            .filter(CheckoutStart.class::isInstance)
            .map(CheckoutStart.class::cast)
            .toList();
    assertThat(made).hasSize(1);
    assertThat(
            results.stream()
                .filter(DomainException.class::isInstance)
                .map(r -> ((DomainException) r).fieldErrors().get("coupon")))
        .hasSize(63)
        .containsOnly("coupon.exhausted");
    f.payAndDeliver(made.get(0).orderId());
    assertThat(
            f.count(
                "SELECT COUNT(*) FROM commerce_order o JOIN coupon c ON c.id = o.coupon_id WHERE c.code = ? AND o.status = 'PAID'",
                code))
        .isEqualTo(1);
    assertThat(f.order(made.get(0).orderId()).total()).isEqualTo(Money.of(4000, "CNY"));
  }

  @Test
  void thePerPersonLimitHoldsUnderConcurrentCheckoutsByOnePerson() throws Exception {
    String code = coupon(null, 2);
    UUID buyer = f.buyer();
    List<Callable<Object>> tasks = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      tasks.add(() -> f.checkout(buyer, TestItems.item("per-person"), code, null, null));
    }
    List<Object> results = together(tasks);
    assertThat(results.stream().filter(CheckoutStart.class::isInstance)).hasSize(2);
    assertThat(
            f.count(
                "SELECT held FROM coupon_holder h JOIN coupon c ON c.id = h.coupon_id WHERE c.code = ?",
                code))
        .isEqualTo(2);
  }

  @Test
  void anExpiredOrderGivesItsCouponUseBack() {
    String code = coupon(1, 1);
    UUID first = f.buyer();
    assertThat(coupons.byCode(code)).isPresent();
    assertThat(coupons.byCode(code).get().active()).isTrue();
    Quote before =
        f.commerce.quote(TestItems.item("given-back"), first, code, null, null, Locale.ENGLISH);
    assertThat(before.problems()).isEmpty();
    CheckoutStart start = f.checkout(first, TestItems.item("given-back"), code, null, null);
    Quote blocked =
        f.commerce.quote(TestItems.item("given-back"), f.buyer(), code, null, null, Locale.ENGLISH);
    assertThat(blocked.problems()).containsEntry("coupon", "coupon.exhausted");
    clock.advance(Duration.ofMinutes(31));
    f.jobs.reconcile();
    assertThat(f.order(start.orderId()).status()).isEqualTo(OrderStatus.EXPIRED);
    Quote open =
        f.commerce.quote(TestItems.item("given-back"), f.buyer(), code, null, null, Locale.ENGLISH);
    assertThat(open.problems()).isEmpty();
    assertThat(open.total()).isEqualTo(Money.of(4000, "CNY"));
  }

  GroupStore.Deal deal(int size, String key) {
    GroupStore.Deal deal =
        new GroupStore.Deal(
            UUID.randomUUID(), TestItems.item(key), Money.of(3000, "CNY"), size, 24, true);
    groups.insertDeal(deal, clock.instant());
    return deal;
  }

  @Test
  void aGroupOfFiveWithOneHundredConcurrentJoinersCompletesOnceWithExactlyFivePaidMembers()
      throws Exception {
    GroupStore.Deal deal = deal(5, "group");
    CheckoutStart leader = f.checkout(f.buyer(), TestItems.item("group"), null, deal.id(), null);
    UUID group = f.order(leader.orderId()).groupId();
    assertThat(f.order(leader.orderId()).total()).isEqualTo(Money.of(3000, "CNY"));

    List<Callable<Object>> tasks = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      UUID joiner = f.buyer();
      tasks.add(() -> f.checkout(joiner, TestItems.item("group"), null, null, group));
    }
    List<Object> results = together(tasks);
    List<CheckoutStart> joined =
        results.stream()
            .filter(CheckoutStart.class::isInstance)
            .map(CheckoutStart.class::cast)
            .toList();
    assertThat(joined).hasSize(4);
    assertThat(
            results.stream()
                .filter(DomainException.class::isInstance)
                .map(r -> ((DomainException) r).code()))
        .hasSize(96)
        .allMatch(code -> code.equals("group.full") || code.equals("validation"));

    List<UUID> members = new ArrayList<>(joined.stream().map(CheckoutStart::orderId).toList());
    members.add(leader.orderId());
    for (UUID order : members) {
      f.sandbox.pay(f.sessionOf(order));
    }
    f.deliveries.deliverDue();
    for (UUID order : members) {
      f.awaitStatus(order, OrderStatus.PAID);
    }
    assertThat(
            f.count(
                "SELECT COUNT(*) FROM group_buy WHERE id = ? AND status = 'COMPLETED' AND paid_count = 5",
                group))
        .isEqualTo(1);
    assertThat(events.all(GroupCompleted.class).stream().filter(e -> e.groupId().equals(group)))
        .hasSize(1);
    assertThat(
            f.count(
                "SELECT COUNT(*) FROM commerce_order WHERE group_id = ? AND fulfilled_at IS NOT NULL",
                group))
        .isEqualTo(5);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                events.all(OrderPaid.class).stream()
                        .filter(e -> members.contains(e.orderId()))
                        .count()
                    == 5);
  }

  @Test
  void aGroupThatExpiresShortRefundsEveryPayer() {
    GroupStore.Deal deal = deal(5, "short-group");
    CheckoutStart leader =
        f.checkout(f.buyer(), TestItems.item("short-group"), null, deal.id(), null);
    UUID group = f.order(leader.orderId()).groupId();
    CheckoutStart second = f.checkout(f.buyer(), TestItems.item("short-group"), null, null, group);
    CheckoutStart unpaid = f.checkout(f.buyer(), TestItems.item("short-group"), null, null, group);
    f.payAndDeliver(leader.orderId());
    f.payAndDeliver(second.orderId());
    assertThat(f.order(leader.orderId()).status()).isEqualTo(OrderStatus.PAID);

    clock.advance(Duration.ofHours(25));
    assertThat(f.jobs.failExpiredGroups()).isGreaterThanOrEqualTo(1);
    f.jobs.sendRefunds(Duration.ZERO);

    assertThat(f.order(leader.orderId()).status()).isEqualTo(OrderStatus.REFUNDED);
    assertThat(f.order(second.orderId()).status()).isEqualTo(OrderStatus.REFUNDED);
    assertThat(f.order(unpaid.orderId()).status()).isEqualTo(OrderStatus.CANCELED);
    assertThat(f.commerce.owns(f.order(leader.orderId()).buyerId(), TestItems.item("short-group")))
        .isFalse();
    assertThat(f.count("SELECT COUNT(*) FROM group_buy WHERE id = ? AND status = 'FAILED'", group))
        .isEqualTo(1);
  }
}

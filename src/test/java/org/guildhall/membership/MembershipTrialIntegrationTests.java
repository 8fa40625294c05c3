package org.guildhall.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.guildhall.identity.IdentityApi;
import org.guildhall.identity.Role;
import org.guildhall.membership.MembershipEvents.MembershipExpired;
import org.guildhall.platform.DomainException;
import org.guildhall.support.Browser;
import org.guildhall.support.CapturedEvents;
import org.guildhall.support.MutableClock;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;

/** The 3-day Premium trial: once per person, one live membership, ended on time by the job. */
@WebIntegrationTest
class MembershipTrialIntegrationTests {

  @LocalServerPort int port;
  @Autowired MembershipApi membership;
  @Autowired IdentityApi identity;
  @Autowired MutableClock clock;
  @Autowired CapturedEvents events;
  @Autowired JdbcClient jdbc;
  @Autowired org.springframework.context.ApplicationContext context;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  UUID member() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    return identity
        .provision(
            "t" + tag + "@example.com",
            "trial pass phrase",
            "Trial " + tag,
            "t" + tag,
            Set.of(Role.MEMBER),
            "en")
        .value();
  }

  int runExpiryJob() {
    Object job = context.getBean("membershipExpiryJob");
    return (Integer) ReflectionTestUtils.invokeMethod(job, "runOnce");
  }

  long live(UUID account) {
    return jdbc.sql("SELECT COUNT(*) FROM membership WHERE live_account_id = ?")
        .param(account)
        .query(Long.class)
        .single();
  }

  @Test
  void aTrialLastsThreeDaysAndEndsOnTimeWithoutAnyVisit() {
    UUID account = member();
    MembershipView trial = membership.startTrial(account, "premium");
    assertThat(trial.status()).isEqualTo(MembershipStatus.TRIALING);
    assertThat(Duration.between(trial.startedAt(), trial.currentPeriodEnd()))
        .isEqualTo(Duration.ofDays(3));
    assertThat(membership.liveMembership(account)).isPresent();

    clock.advance(Duration.ofDays(3).minusSeconds(1));
    runExpiryJob();
    assertThat(membership.liveMembership(account)).as("still on the last second").isPresent();

    clock.advance(Duration.ofSeconds(1));
    runExpiryJob();
    assertThat(membership.liveMembership(account)).isEmpty();
    MembershipExpired expired =
        events.await(MembershipExpired.class, e -> e.accountId().equals(account));
    assertThat(expired.from()).isEqualTo(MembershipStatus.TRIALING);
    assertThat(expired.tierSlug()).isEqualTo("premium");
    assertThat(runExpiryJob()).as("nothing left to do for it").isZero();
  }

  @Test
  void aTrialIsOncePerPersonEvenAfterItEnded() {
    UUID account = member();
    membership.startTrial(account, "premium");
    assertThatThrownBy(() -> membership.startTrial(account, "premium"))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).code())
        .isEqualTo("trial-used");
    clock.advance(Duration.ofDays(4));
    runExpiryJob();
    assertThatThrownBy(() -> membership.startTrial(account, "premium"))
        .extracting(e -> ((DomainException) e).code())
        .isEqualTo("trial-used");
    assertThatThrownBy(() -> membership.startTrial(member(), "basic"))
        .extracting(e -> ((DomainException) e).code())
        .as("Basic has no trial")
        .isEqualTo("no-trial");
  }

  @Test
  void twentyConcurrentTrialStartsMakeOneMembership() throws Exception {
    UUID account = member();
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Callable<Boolean> attempt =
          () -> {
            start.await();
            try {
              membership.startTrial(account, "premium");
              return true;
            } catch (DomainException refused) {
              return false;
            }
          };
      results.add(pool.submit(attempt));
    }
    start.countDown();
    int started = 0;
    for (Future<Boolean> result : results) {
      if (result.get()) {
        started++;
      }
    }
    pool.shutdown();
    assertThat(started).isEqualTo(1);
    assertThat(live(account)).isOne();
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM membership_trial WHERE account_id = ?")
                .param(account)
                .query(Long.class)
                .single())
        .isOne();
  }

  @Test
  void aMemberStartsTheTrialFromTheHomePage() {
    UUID account = member();
    String email =
        identity.find(new org.guildhall.identity.AccountId(account)).orElseThrow().email();
    Browser browser = new Browser(port);
    browser.signIn(email, "trial pass phrase");
    assertThat(browser.get("/").body()).contains("data-testid=\"start-trial-premium\"");
    Browser.Page started = browser.post("/membership/trial", Map.of("tier", "premium"));
    assertThat(started.status()).isEqualTo(302);
    String home = browser.get("/").body();
    assertThat(home)
        .contains("Your free trial has started")
        .contains("data-testid=\"your-plan-premium\"");
    assertThat(home).doesNotContain("data-testid=\"start-trial-premium\"");
    assertThat(browser.post("/membership/trial", Map.of("tier", "premium")).status())
        .isEqualTo(302);
    assertThat(browser.get("/").body()).contains("already");
    assertThat(live(account)).isOne();
  }
}

package org.guildhall.identity.internal;

import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.guildhall.identity.AccountId;
import org.guildhall.platform.jobs.DueWork;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Lifts bans whose end date has come, every minute on one instance (ShedLock), so that the owner's
 * list and the ban history show them as over and {@code AccountUnbanned} is published. Access does
 * not wait for this job: sign-in and every request compare the end date with the clock.
 */
@Component
class BanExpiryJob {

  private static final int BATCH = 200;

  private final AccountRepository accounts;
  private final AccountService service;
  private final Clock clock;

  BanExpiryJob(AccountRepository accounts, AccountService service, Clock clock) {
    this.accounts = accounts;
    this.service = service;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${guildhall.identity.ban-expiry-interval:PT1M}",
      initialDelayString = "${guildhall.identity.ban-expiry-initial-delay:PT25S}")
  @SchedulerLock(name = "identity-ban-expiry", lockAtMostFor = "PT10M")
  public void run() {
    runOnce();
  }

  /** Lifts every ban that has run out; returns how many were looked at. */
  int runOnce() {
    return DueWork.drain(
        "Account",
        BATCH,
        50,
        limit -> accounts.findExpiredBans(clock.instant(), limit),
        id -> service.liftExpiredBan(new AccountId(id)));
  }
}

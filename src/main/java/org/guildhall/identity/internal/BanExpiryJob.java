package org.guildhall.identity.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.guildhall.identity.AccountId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Lifts bans whose end date has come, every minute on one instance (ShedLock), so that the owner's
 * list and the ban history show them as over and {@code AccountUnbanned} is published. Access does
 * not wait for this job: sign-in and every request compare the end date with the clock.
 */
@Component
class BanExpiryJob {

  private static final Logger log = LoggerFactory.getLogger(BanExpiryJob.class);
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
    int seen = 0;
    List<UUID> due;
    do {
      due = accounts.findExpiredBans(clock.instant(), Limit.of(BATCH));
      for (UUID id : due) {
        try {
          service.liftExpiredBan(new AccountId(id));
        } catch (ObjectOptimisticLockingFailureException changedMeanwhile) {
          log.debug("Account {} changed while its ban ended; the next run looks again", id);
        }
      }
      seen += due.size();
    } while (due.size() == BATCH && seen < 50 * BATCH);
    return seen;
  }
}

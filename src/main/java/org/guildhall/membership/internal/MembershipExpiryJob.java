package org.guildhall.membership.internal;

import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.guildhall.platform.jobs.DueWork;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends trials and lapsed memberships on time, whether or not anybody visits: every minute, on one
 * instance (ShedLock), each due membership is moved on in its own transaction.
 */
@Component
class MembershipExpiryJob {

  private static final int BATCH = 500;

  private final MembershipRepository memberships;
  private final MembershipService service;
  private final Clock clock;

  MembershipExpiryJob(MembershipRepository memberships, MembershipService service, Clock clock) {
    this.memberships = memberships;
    this.service = service;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${guildhall.membership.expiry-interval:PT1M}",
      initialDelayString = "${guildhall.membership.expiry-initial-delay:PT20S}")
  @SchedulerLock(name = "membership-expiry", lockAtMostFor = "PT10M")
  public void run() {
    runOnce();
  }

  /** Moves every due membership on; returns how many were looked at. */
  int runOnce() {
    return DueWork.drain(
        "Membership",
        BATCH,
        50,
        limit -> memberships.findDue(clock.instant(), limit),
        service::advance);
  }
}

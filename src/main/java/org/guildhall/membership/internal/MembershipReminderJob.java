package org.guildhall.membership.internal;

import static org.guildhall.platform.jdbc.Sql.instant;
import static org.guildhall.platform.jdbc.Sql.ts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.guildhall.commerce.CommerceApi;
import org.guildhall.membership.MembershipEvents.MembershipReminder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds members before their paid period ends (7 days and 1 day before), tells them when it has
 * ended, and some days later sends a win-back offer with a personal single-use coupon. Each
 * reminder is recorded with the period end it is about (primary key), so it goes out once per
 * period even if the job runs on several instances or again after a crash.
 */
@Component
class MembershipReminderJob {

  private record Due(
      UUID membershipId, UUID accountId, String slug, Instant periodEnd, boolean auto) {}

  private final JdbcClient jdbc;
  private final CommerceApi commerce;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Duration winBackAfter;
  private final int winBackPercent;

  MembershipReminderJob(
      JdbcClient jdbc,
      CommerceApi commerce,
      ApplicationEventPublisher events,
      TransactionTemplate tx,
      Clock clock,
      @Value("${guildhall.membership.win-back-after:P3D}") Duration winBackAfter,
      @Value("${guildhall.membership.win-back-percent:20}") int winBackPercent) {
    this.jdbc = jdbc;
    this.commerce = commerce;
    this.events = events;
    this.tx = tx;
    this.clock = clock;
    this.winBackAfter = winBackAfter;
    this.winBackPercent = winBackPercent;
  }

  @Scheduled(
      fixedDelayString = "${guildhall.membership.reminder-interval:PT10M}",
      initialDelayString = "PT1M")
  @SchedulerLock(name = "membership-reminders", lockAtMostFor = "PT30M")
  public void onSchedule() {
    runOnce();
  }

  /** Sends every due reminder once; returns how many went out. */
  int runOnce() {
    Instant now = clock.instant();
    int sent = 0;
    sent += before("D7", now, Duration.ofDays(7), Duration.ofDays(1));
    sent += before("D1", now, Duration.ofDays(1), Duration.ZERO);
    sent += ended("EXPIRED", now, Duration.ZERO);
    sent += ended("WINBACK", now, winBackAfter);
    return sent;
  }

  /**
   * Paid memberships (not trials) whose period ends within {@code window} but not within {@code
   * after}.
   */
  private int before(String kind, Instant now, Duration window, Duration notBefore) {
    List<Due> due =
        jdbc.sql(
                "SELECT m.id, m.account_id, t.slug, m.current_period_end, m.subscription_ref,"
                    + " m.status, m.pending_tier_id FROM"
                    + " membership m JOIN tier t ON t.id = m.tier_id WHERE m.status IN ('ACTIVE',"
                    + " 'CANCELED') AND m.current_period_end > ? AND m.current_period_end <= ? AND"
                    + " NOT EXISTS (SELECT 1 FROM membership_reminder r WHERE r.membership_id ="
                    + " m.id AND r.kind = ? AND r.period_end = m.current_period_end) LIMIT 500")
            .params(ts(now.plus(notBefore)), ts(now.plus(window)), kind)
            .query(
                (rs, n) ->
                    new Due(
                        rs.getObject("id", UUID.class),
                        rs.getObject("account_id", UUID.class),
                        rs.getString("slug"),
                        instant(rs, "current_period_end"),
                        // renews by itself only while the subscription runs unchanged
                        rs.getString("subscription_ref") != null
                            && "ACTIVE".equals(rs.getString("status"))
                            && rs.getObject("pending_tier_id") == null))
            .list();
    return send(kind, due, now);
  }

  /**
   * Memberships that ended (after a paid period) at least {@code after} ago, in the last 30 days.
   */
  private int ended(String kind, Instant now, Duration after) {
    List<Due> due =
        jdbc.sql(
                "SELECT m.id, m.account_id, t.slug, m.ended_at FROM membership m JOIN tier t ON"
                    + " t.id = m.tier_id WHERE m.status = 'EXPIRED' AND m.ended_at <= ? AND"
                    + " m.ended_at > ? AND m.billing IS NOT NULL AND m.live_account_id IS NULL AND"
                    + " NOT EXISTS (SELECT 1 FROM membership n WHERE n.live_account_id ="
                    + " m.account_id) AND NOT EXISTS (SELECT 1 FROM membership_reminder r WHERE"
                    + " r.membership_id = m.id AND r.kind = ?) LIMIT 500")
            .params(ts(now.minus(after)), ts(now.minus(Duration.ofDays(30))), kind)
            .query(
                (rs, n) ->
                    new Due(
                        rs.getObject("id", UUID.class),
                        rs.getObject("account_id", UUID.class),
                        rs.getString("slug"),
                        instant(rs, "ended_at"),
                        false))
            .list();
    return send(kind, due, now);
  }

  private int send(String kind, List<Due> due, Instant now) {
    int sent = 0;
    for (Due d : due) {
      Boolean done =
          tx.execute(
              status -> {
                int inserted =
                    jdbc.sql(
                            "INSERT INTO membership_reminder (membership_id, kind, period_end,"
                                + " sent_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                        .params(d.membershipId(), kind, ts(d.periodEnd()), ts(now))
                        .update();
                if (inserted == 0) {
                  return false;
                }
                String coupon =
                    "WINBACK".equals(kind)
                        ? commerce.issueCoupon(
                            "BACK",
                            winBackPercent,
                            MembershipBilling.KIND,
                            now.plus(Duration.ofDays(14)))
                        : null;
                events.publishEvent(
                    new MembershipReminder(
                        d.membershipId(),
                        d.accountId(),
                        d.slug(),
                        kind,
                        d.periodEnd(),
                        d.auto(),
                        coupon,
                        now));
                return true;
              });
      if (Boolean.TRUE.equals(done)) {
        sent++;
      }
    }
    return sent;
  }
}

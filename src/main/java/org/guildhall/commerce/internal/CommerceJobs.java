package org.guildhall.commerce.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.guildhall.commerce.CommerceEvents.GroupFailed;
import org.guildhall.commerce.OrderStatus;
import org.guildhall.commerce.gateway.PaymentGateway;
import org.guildhall.commerce.gateway.PaymentQuery;
import org.guildhall.commerce.gateway.VerifiedNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The commerce jobs, each under a ShedLock lock so one instance runs it at a time:
 *
 * <ul>
 *   <li>reconciliation: asks the gateway about orders pending longer than {@code
 *       guildhall.commerce.reconcile-after} and settles those it reports paid (a lost
 *       notification); expires those past their time that it does not;
 *   <li>refunds: sends refund requests that were stored but not answered (a crash, a timeout);
 *   <li>group buys: fails groups that ran out of time and refunds every payer.
 * </ul>
 */
@Component
public class CommerceJobs {

  private static final Logger log = LoggerFactory.getLogger(CommerceJobs.class);
  private static final int BATCH = 100;

  private final OrderStore orders;
  private final RefundStore refunds;
  private final GroupStore groups;
  private final Gateways gateways;
  private final NotificationReceiver receiver;
  private final Settlement settlement;
  private final RefundExecutor refundExecutor;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Duration reconcileAfter;

  CommerceJobs(
      OrderStore orders,
      RefundStore refunds,
      GroupStore groups,
      Gateways gateways,
      NotificationReceiver receiver,
      Settlement settlement,
      RefundExecutor refundExecutor,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactions,
      Clock clock,
      @Value("${guildhall.commerce.reconcile-after:PT2M}") Duration reconcileAfter) {
    this.orders = orders;
    this.refunds = refunds;
    this.groups = groups;
    this.gateways = gateways;
    this.receiver = receiver;
    this.settlement = settlement;
    this.refundExecutor = refundExecutor;
    this.events = events;
    this.tx = new TransactionTemplate(transactions);
    this.clock = clock;
    this.reconcileAfter = reconcileAfter;
  }

  @Scheduled(
      fixedDelayString = "${guildhall.commerce.reconcile-interval:PT1M}",
      initialDelayString = "PT20S")
  @SchedulerLock(name = "payment-reconciliation", lockAtMostFor = "PT10M")
  public void reconcileOnSchedule() {
    reconcile();
  }

  /** One reconciliation pass; returns how many orders it settled as paid. */
  public int reconcile() {
    Instant now = clock.instant();
    int settled = 0;
    for (OrderRow order : orders.pendingCreatedBefore(now.minus(reconcileAfter), BATCH)) {
      Optional<PaymentGateway> gateway = gateways.byId(order.gateway());
      if (gateway.isEmpty()) {
        continue;
      }
      Optional<VerifiedNotification> paid;
      try {
        paid = gateway.get().query(new PaymentQuery(order.id(), order.sessionRef(), order.total()));
      } catch (RuntimeException unreachable) {
        log.warn(
            "Could not ask {} about order {}: {}",
            order.gateway(),
            order.id(),
            unreachable.getMessage());
        continue;
      }
      if (paid.isPresent()) {
        receiver.apply(gateway.get(), paid.get());
        settled++;
      } else if (!order.expiresAt().isAfter(now)) {
        settlement.close(order, OrderStatus.EXPIRED);
      }
    }
    return settled;
  }

  @Scheduled(
      fixedDelayString = "${guildhall.commerce.refund-interval:PT15S}",
      initialDelayString = "PT15S")
  @SchedulerLock(name = "payment-refunds", lockAtMostFor = "PT10M")
  public void refundsOnSchedule() {
    sendRefunds(Duration.ofSeconds(10));
  }

  /** Sends refund requests older than {@code minAge} that no gateway has answered. */
  public void sendRefunds(Duration minAge) {
    for (RefundStore.Due due : refunds.due(clock.instant().minus(minAge), BATCH)) {
      refundExecutor.execute(due.id());
    }
  }

  @Scheduled(
      fixedDelayString = "${guildhall.commerce.group-interval:PT1M}",
      initialDelayString = "PT30S")
  @SchedulerLock(name = "group-buy-expiry", lockAtMostFor = "PT10M")
  public void groupsOnSchedule() {
    failExpiredGroups();
    sendRefunds(Duration.ZERO);
  }

  /** Fails every open group past its time: paid members get automatic refunds. */
  public int failExpiredGroups() {
    Instant now = clock.instant();
    int failed = 0;
    for (UUID groupId : groups.dueOpen(now, BATCH)) {
      Boolean done =
          tx.execute(
              status -> {
                if (!groups.fail(groupId, now)) {
                  return false;
                }
                int paid = 0;
                var members = orders.byGroup(groupId);
                for (OrderRow order : members) {
                  if (order.status() == OrderStatus.PENDING) {
                    settlement.close(order, OrderStatus.CANCELED);
                  } else if (order.status().paid()) {
                    settlement.requestAutomaticRefund(order, "group-failed", now);
                    paid++;
                  }
                }
                events.publishEvent(new GroupFailed(groupId, members.get(0).item(), paid, now));
                return true;
              });
      if (Boolean.TRUE.equals(done)) {
        failed++;
      }
    }
    return failed;
  }
}

package org.guildhall.integration.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the delivery log from growing without end: finished deliveries older than {@code
 * guildhall.webhooks.keep-log} (30 days) are deleted once an hour, in batches, each batch its own
 * statement. Pending deliveries are never pruned.
 */
@Component
class WebhookLogPruner {

  static final int BATCH = 1000;
  private static final Logger log = LoggerFactory.getLogger(WebhookLogPruner.class);

  private final WebhookDeliveries deliveries;
  private final Clock clock;
  private final Duration keep;

  WebhookLogPruner(
      WebhookDeliveries deliveries,
      Clock clock,
      @Value("${guildhall.webhooks.keep-log:P30D}") Duration keep) {
    this.deliveries = deliveries;
    this.clock = clock;
    this.keep = keep;
  }

  @Scheduled(
      fixedDelayString = "${guildhall.webhooks.prune-interval:PT1H}",
      initialDelayString = "${guildhall.webhooks.prune-initial-delay:PT5M}")
  @SchedulerLock(name = "webhook-log-prune", lockAtMostFor = "PT30M")
  public void prune() {
    int pruned = pruneNow();
    if (pruned > 0) {
      log.info("Pruned {} webhook deliveries older than {}", pruned, keep);
    }
  }

  /** Deletes every finished delivery older than the kept period; returns how many. */
  int pruneNow() {
    Instant before = clock.instant().minus(keep);
    int total = 0;
    int batch;
    do {
      batch = deliveries.prune(before, BATCH);
      total += batch;
    } while (batch == BATCH);
    return total;
  }
}

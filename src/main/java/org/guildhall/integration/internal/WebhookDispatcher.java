package org.guildhall.integration.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.guildhall.integration.WebhooksApi.DeliveryView;
import org.guildhall.integration.internal.WebhookEndpoints.Target;
import org.guildhall.platform.SecretBox;
import org.guildhall.platform.jobs.Backoff;
import org.guildhall.platform.jobs.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Posts due deliveries, oldest first. A 2xx answer is success; anything else (another status, a
 * redirect, a timeout, a refused connection or address) is a failed attempt, retried with
 * exponential backoff (1 min, 2 min, 4 min, … at most 12 h apart) until {@code
 * guildhall.webhooks.max-attempts} (12 by default, about a day and a half), then failed for the
 * owner to see and send again.
 *
 * <p>Each delivery is claimed by a conditional update that pushes its next attempt ahead by a
 * lease, so two instances never post the same delivery at once and a crash while posting means one
 * more attempt later: delivery is at least once, and receivers deduplicate by {@code webhook-id}.
 * No database transaction is held open during the request. Once an endpoint has failed in a run,
 * its other deliveries wait for the next run, so one dead receiver does not hold up the others.
 */
@Component
class WebhookDispatcher {

  static final int BATCH_SIZE = 50;
  static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);
  static final Duration MAX_BACKOFF = Duration.ofHours(12);
  static final Duration LEASE = Duration.ofMinutes(5);
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
  static final Duration TIME_BUDGET = Duration.ofMinutes(3);
  static final String USER_AGENT = "Guildhall-Webhooks/1";

  /** How much of the receiver's answer is kept for the owner to read. */
  static final int MAX_RESPONSE_LENGTH = 500;

  private static final int MAX_ERROR_LENGTH = 500;
  private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

  private final WebhookDeliveries deliveries;
  private final WebhookEndpoints endpoints;
  private final WebhookTargets targets;
  private final SecretBox secrets;
  private final Clock clock;
  private final int maxAttempts;
  private final HttpClient http;
  private final MeterRegistry meters;

  WebhookDispatcher(
      WebhookDeliveries deliveries,
      WebhookEndpoints endpoints,
      WebhookTargets targets,
      SecretBox secrets,
      Clock clock,
      MeterRegistry meters,
      @Value("${guildhall.webhooks.max-attempts:12}") int maxAttempts) {
    this.meters = meters;
    this.deliveries = deliveries;
    this.endpoints = endpoints;
    this.targets = targets;
    this.secrets = secrets;
    this.clock = clock;
    this.maxAttempts = Math.max(1, maxAttempts);
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  @Scheduled(
      fixedDelayString = "${guildhall.webhooks.dispatch-interval:PT5S}",
      initialDelayString = "${guildhall.webhooks.dispatch-initial-delay:PT15S}")
  @SchedulerLock(name = "webhook-dispatch", lockAtMostFor = "PT10M")
  public void dispatch() {
    dispatchDue();
  }

  /** Posts the deliveries that are due now; returns how many were delivered. */
  int dispatchDue() {
    Instant started = clock.instant();
    List<UUID> due = deliveries.due(started, BATCH_SIZE);
    Set<UUID> failedThisRun = new HashSet<>();
    int delivered = 0;
    for (UUID id : due) {
      Instant now = clock.instant();
      if (now.isAfter(started.plus(TIME_BUDGET))) {
        break;
      }
      Optional<DeliveryView> found = deliveries.find(id);
      if (found.isEmpty() || failedThisRun.contains(found.get().endpointId())) {
        continue;
      }
      if (!deliveries.claim(id, now, now.plus(LEASE))) {
        continue; // taken by another instance
      }
      if (attempt(found.get())) {
        delivered++;
      } else {
        failedThisRun.add(found.get().endpointId());
      }
    }
    return delivered;
  }

  private boolean attempt(DeliveryView delivery) {
    int attempts = delivery.attempts() + 1;
    Optional<Target> target = endpoints.target(delivery.endpointId());
    if (target.isEmpty()) {
      return false; // the endpoint was deleted meanwhile; its deliveries went with it
    }
    URI uri = URI.create(target.get().url());
    Optional<String> refused = targets.refusal(uri);
    if (refused.isPresent()) {
      failed(delivery, attempts, null, refused.get(), null);
      return false;
    }
    long timestamp = clock.instant().getEpochSecond();
    String secret = secrets.open(target.get().sealedSecret());
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json; charset=utf-8")
            .header("User-Agent", USER_AGENT)
            .header("webhook-id", delivery.eventId())
            .header("webhook-timestamp", Long.toString(timestamp))
            .header(
                "webhook-signature",
                WebhookSigner.sign(secret, delivery.eventId(), timestamp, delivery.payload()))
            .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
            .build();
    try {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      String answer = start(response.body());
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        deliveries.markDelivered(delivery.id(), attempts, status, answer, clock.instant());
        count(delivery, "delivered");
        return true;
      }
      failed(delivery, attempts, status, "HTTP " + status, answer);
    } catch (IOException e) {
      failed(delivery, attempts, null, Failures.describe(e, MAX_ERROR_LENGTH), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failed(delivery, attempts, null, "Interrupted while sending", null);
    } catch (RuntimeException e) {
      failed(delivery, attempts, null, Failures.describe(e, MAX_ERROR_LENGTH), null);
    }
    return false;
  }

  private void failed(
      DeliveryView delivery, int attempts, Integer status, String error, String answer) {
    Instant next =
        attempts >= maxAttempts ? null : clock.instant().plus(backoff(delivery.attempts()));
    deliveries.markAttemptFailed(delivery.id(), attempts, status, error, answer, next);
    count(delivery, next == null ? "failed" : "retry");
    if (next == null) {
      log.warn(
          "Webhook {} ({}) failed after {} attempts: {}",
          delivery.eventId(),
          delivery.eventType(),
          attempts,
          error);
    } else {
      log.info(
          "Webhook {} ({}) attempt {} failed, next at {}: {}",
          delivery.eventId(),
          delivery.eventType(),
          attempts,
          next,
          error);
    }
  }

  /** {@code guildhall_webhooks_attempts_total{type, outcome}}: delivered, retry or failed. */
  private void count(DeliveryView delivery, String outcome) {
    meters
        .counter("guildhall.webhooks.attempts", "type", delivery.eventType(), "outcome", outcome)
        .increment();
  }

  static Duration backoff(int previousAttempts) {
    return Backoff.exponential(FIRST_BACKOFF, MAX_BACKOFF, previousAttempts);
  }

  /** The first characters of the receiver's answer, read no further; null when it is empty. */
  private static String start(InputStream body) throws IOException {
    try (body) {
      byte[] bytes = body.readNBytes(MAX_RESPONSE_LENGTH * 4);
      if (bytes.length == 0) {
        return null;
      }
      return Failures.clip(new String(bytes, StandardCharsets.UTF_8), MAX_RESPONSE_LENGTH);
    }
  }
}

package org.guildhall.integration.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * guildhall.webhooks.max-attempts} (12 by default: the last attempt comes about 29 hours after the
 * first), then failed for the owner to see and send again.
 *
 * <p>Each delivery is claimed by a conditional update that pushes its next attempt ahead by a
 * lease, so two instances never post the same delivery at once and a crash while posting means one
 * more attempt later: delivery is at least once, and receivers deduplicate by {@code webhook-id}.
 * The outcome is written only while the lease is still this worker's. No database transaction is
 * held open during the request, and the whole exchange, answer included, is bounded by {@code
 * guildhall.webhooks.request-timeout} (15 s): a receiver that sends headers and then stalls cannot
 * hold the scheduler.
 *
 * <p>When an endpoint fails, its other due deliveries wait a minute (no attempt counted), so one
 * dead receiver does not hold up the others, in this run or the next.
 */
@Component
class WebhookDispatcher {

  static final int BATCH_SIZE = 50;
  static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);
  static final Duration MAX_BACKOFF = Duration.ofHours(12);
  static final Duration LEASE = Duration.ofMinutes(5);
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** Stop taking new deliveries after this long: a run ends well within the lease. */
  static final Duration TIME_BUDGET = Duration.ofMinutes(2);

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
  private final MeterRegistry meters;
  private final int maxAttempts;

  /** The most one exchange may take, from connecting to the end of the (capped) answer. */
  private final Duration requestTimeout;

  private final HttpClient http;

  WebhookDispatcher(
      WebhookDeliveries deliveries,
      WebhookEndpoints endpoints,
      WebhookTargets targets,
      SecretBox secrets,
      Clock clock,
      MeterRegistry meters,
      @Value("${guildhall.webhooks.max-attempts:12}") int maxAttempts,
      @Value("${guildhall.webhooks.request-timeout:PT15S}") Duration requestTimeout) {
    this.requestTimeout = requestTimeout;
    this.deliveries = deliveries;
    this.endpoints = endpoints;
    this.targets = targets;
    this.secrets = secrets;
    this.clock = clock;
    this.meters = meters;
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
      Instant lease = now.plus(LEASE);
      if (!deliveries.claim(id, now, lease)) {
        continue; // taken by another instance
      }
      DeliveryView delivery = found.get();
      boolean ok;
      try {
        ok = attempt(delivery, lease);
      } catch (RuntimeException e) {
        // Whatever went wrong (a secret that no longer opens, a database error), it is an
        // attempt: counted, retried with backoff, and the rest of the batch goes on.
        ok = false;
        failed(delivery, lease, null, Failures.describe(e, MAX_ERROR_LENGTH), null);
      }
      if (ok) {
        delivered++;
      } else {
        failedThisRun.add(delivery.endpointId());
        deliveries.postpone(
            delivery.endpointId(), clock.instant(), clock.instant().plus(FIRST_BACKOFF));
      }
    }
    return delivered;
  }

  private boolean attempt(DeliveryView delivery, Instant lease) {
    Optional<Target> target = endpoints.target(delivery.endpointId());
    if (target.isEmpty()) {
      return false; // the endpoint was deleted meanwhile; its deliveries went with it
    }
    URI uri = URI.create(target.get().url());
    Optional<String> refused = targets.refusal(uri);
    if (refused.isPresent()) {
      failed(delivery, lease, null, Failures.clip(refused.get(), MAX_ERROR_LENGTH), null);
      return false;
    }
    long timestamp = clock.instant().getEpochSecond();
    String secret = secrets.open(target.get().sealedSecret());
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(requestTimeout)
            .header("Content-Type", "application/json; charset=utf-8")
            .header("User-Agent", USER_AGENT)
            .header("webhook-id", delivery.eventId())
            .header("webhook-timestamp", Long.toString(timestamp))
            .header(
                "webhook-signature",
                WebhookSigner.sign(secret, delivery.eventId(), timestamp, delivery.payload()))
            .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
            .build();
    CompletableFuture<HttpResponse<byte[]>> exchange =
        http.sendAsync(request, info -> new Capped(MAX_RESPONSE_LENGTH * 4));
    try {
      HttpResponse<byte[]> response =
          exchange.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
      String answer = answer(response.body());
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        deliveries.markDelivered(
            delivery.id(), lease, delivery.attempts() + 1, status, answer, clock.instant());
        count(delivery, "delivered");
        return true;
      }
      failed(delivery, lease, status, "HTTP " + status, answer);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      failed(
          delivery,
          lease,
          null,
          "No complete answer within " + requestTimeout.toSeconds() + " s",
          null);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      failed(
          delivery,
          lease,
          null,
          cause instanceof Exception ex ? Failures.describe(ex, MAX_ERROR_LENGTH) : "Failed",
          null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.cancel(true);
      failed(delivery, lease, null, "Interrupted while sending", null);
    }
    return false;
  }

  private void failed(
      DeliveryView delivery, Instant lease, Integer status, String error, String answer) {
    int attempts = delivery.attempts() + 1;
    Instant next =
        attempts >= maxAttempts ? null : clock.instant().plus(backoff(delivery.attempts()));
    deliveries.markAttemptFailed(delivery.id(), lease, attempts, status, error, answer, next);
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

  /** The start of the receiver's answer as one clean line; null when it is empty. */
  static String answer(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    return Failures.clip(new String(body, StandardCharsets.UTF_8), MAX_RESPONSE_LENGTH);
  }

  /**
   * Collects the first {@code limit} bytes of an answer and then stops reading it (the rest is
   * never buffered); the exchange completes as soon as the limit is reached or the answer ends.
   */
  static final class Capped implements HttpResponse.BodySubscriber<byte[]> {

    private final int limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    Capped(int limit) {
      this.limit = limit;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        int take = Math.min(buffer.remaining(), limit - bytes.size());
        byte[] chunk = new byte[take];
        buffer.get(chunk);
        bytes.write(chunk, 0, take);
      }
      if (bytes.size() >= limit) {
        subscription.cancel();
        result.complete(bytes.toByteArray());
      } else {
        subscription.request(1);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toByteArray());
    }
  }
}

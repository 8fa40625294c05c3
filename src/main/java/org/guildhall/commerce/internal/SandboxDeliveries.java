package org.guildhall.commerce.internal;

import static org.guildhall.platform.jdbc.Sql.ts;
import static org.guildhall.platform.jdbc.Sql.uuid;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the sandbox's queued notifications to the webhook endpoint like a provider does: signed at
 * sending time, retried with exponential backoff (2 s, 4 s, … up to an hour) until answered with
 * 2xx, given up after 12 attempts. Also bills the sandbox's due subscriptions.
 */
@Component
public class SandboxDeliveries {

  private static final Logger log = LoggerFactory.getLogger(SandboxDeliveries.class);
  private static final int MAX_ATTEMPTS = 12;

  private record Delivery(UUID id, String notifyUrl, String payload, int attempts) {}

  private final JdbcClient jdbc;
  private final SandboxGateway sandbox;
  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  SandboxDeliveries(JdbcClient jdbc, SandboxGateway sandbox, Clock clock) {
    this.jdbc = jdbc;
    this.sandbox = sandbox;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${guildhall.commerce.sandbox-interval:PT1S}",
      initialDelayString = "PT5S")
  @SchedulerLock(name = "sandbox-deliveries", lockAtMostFor = "PT5M")
  public void onSchedule() {
    sandbox.renewDue();
    deliverDue();
  }

  /** Sends every due notification once; returns how many were answered with success. */
  public int deliverDue() {
    List<Delivery> due =
        jdbc.sql(
                "SELECT id, notify_url, payload, attempts FROM sandbox_delivery WHERE status ="
                    + " 'QUEUED' AND next_attempt_at <= ? ORDER BY next_attempt_at, created_at"
                    + " LIMIT 200")
            .param(ts(clock.instant()))
            .query(
                (rs, n) ->
                    new Delivery(
                        uuid(rs, "id"),
                        rs.getString("notify_url"),
                        rs.getString("payload"),
                        rs.getInt("attempts")))
            .list();
    int delivered = 0;
    for (Delivery d : due) {
      if (send(d)) {
        delivered++;
      }
    }
    return delivered;
  }

  private boolean send(Delivery d) {
    Instant now = clock.instant();
    String error;
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(d.notifyUrl()))
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/json")
                  .header(
                      SandboxGateway.SIGNATURE_HEADER,
                      sandbox.signatureHeader(now.getEpochSecond(), d.payload()))
                  .POST(HttpRequest.BodyPublishers.ofString(d.payload()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 == 2) {
        jdbc.sql(
                "UPDATE sandbox_delivery SET status = 'DELIVERED', attempts = attempts + 1,"
                    + " delivered_at = ? WHERE id = ?")
            .params(ts(now), d.id())
            .update();
        return true;
      }
      error = "HTTP " + response.statusCode();
    } catch (java.io.IOException e) {
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    int attempts = d.attempts() + 1;
    long backoff = Math.min(3600, 1L << Math.min(attempts, 12));
    log.info("Sandbox notification {} not accepted ({}), attempt {}", d.id(), error, attempts);
    jdbc.sql(
            "UPDATE sandbox_delivery SET attempts = ?, last_error = ?, status = ?,"
                + " next_attempt_at = ? WHERE id = ?")
        .params(
            attempts,
            error.length() > 500 ? error.substring(0, 500) : error,
            attempts >= MAX_ATTEMPTS ? "FAILED" : "QUEUED",
            ts(now.plusSeconds(backoff)),
            d.id())
        .update();
    return false;
  }
}

package org.guildhall.commerce.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guildhall.commerce.gateway.InboundNotification;
import org.guildhall.commerce.gateway.NotificationAck;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test fixture: hands the sandbox's queued notifications for one order to the webhook path in
 * process — signed and verified exactly as over HTTP by {@link SandboxDeliveries} — so a test can
 * have a paid order without waiting for the delivery job.
 */
public final class SandboxNotifications {

  private SandboxNotifications() {}

  /** Delivers every queued notification about {@code orderId}; returns how many were accepted. */
  public static int deliver(ApplicationContext context, UUID orderId) {
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    SandboxGateway sandbox = context.getBean(SandboxGateway.class);
    NotificationReceiver receiver = context.getBean(NotificationReceiver.class);
    Clock clock = context.getBean(Clock.class);
    List<Map<String, Object>> queued =
        jdbc.sql(
                "SELECT id, payload FROM sandbox_delivery WHERE status = 'QUEUED' AND payload LIKE"
                    + " ? ORDER BY created_at, next_attempt_at")
            .param("%" + orderId + "%")
            .query()
            .listOfRows();
    int accepted = 0;
    for (Map<String, Object> row : queued) {
      String body = (String) row.get("payload");
      String signature = sandbox.signatureHeader(clock.instant().getEpochSecond(), body);
      NotificationAck ack =
          receiver
              .receive(
                  SandboxGateway.ID,
                  new InboundNotification(
                      body,
                      Map.of(
                          SandboxGateway.SIGNATURE_HEADER.toLowerCase(java.util.Locale.ROOT),
                          signature),
                      Map.of()))
              .orElseThrow();
      if (ack.status() / 100 == 2) {
        accepted++;
        jdbc.sql(
                "UPDATE sandbox_delivery SET status = 'DELIVERED' WHERE id = ? AND status = 'QUEUED'")
            .param(row.get("id"))
            .update();
      }
    }
    return accepted;
  }
}

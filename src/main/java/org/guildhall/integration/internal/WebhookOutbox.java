package org.guildhall.integration.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guildhall.integration.WebhookEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an event into one pending delivery per endpoint that is on and subscribes to it. The event
 * id is derived from the event's type and what it is about ({@code order.paid} of order X), so a
 * domain event delivered twice to the listener queues nothing the second time, and a receiver sees
 * the same {@code webhook-id} however often a delivery is retried.
 */
@Component
class WebhookOutbox {

  private static final Logger log = LoggerFactory.getLogger(WebhookOutbox.class);

  private final WebhookEndpoints endpoints;
  private final WebhookDeliveries deliveries;
  private final JsonMapper json;
  private final Clock clock;

  WebhookOutbox(
      WebhookEndpoints endpoints, WebhookDeliveries deliveries, JsonMapper json, Clock clock) {
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    // The application's mapper leaves nulls out; a payload keeps them ("until": null means no
    // end), so that receivers see every documented field.
    this.json =
        json.rebuild()
            .changeDefaultPropertyInclusion(
                any ->
                    JsonInclude.Value.construct(
                        JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS))
            .build();
    this.clock = clock;
  }

  /**
   * Queues the event for its subscribers; returns how many deliveries are new.
   *
   * @param about what makes this event unique within its type (an order id, an order id and the
   *     refunded total so far…)
   */
  @Transactional
  int publish(WebhookEvent event, String about, Instant occurredAt, Map<String, Object> data) {
    List<UUID> subscribers = endpoints.subscribers(event);
    if (subscribers.isEmpty()) {
      return 0;
    }
    String eventId = eventId(event, about);
    String body = body(eventId, event, occurredAt, data);
    int queued = 0;
    for (UUID endpoint : subscribers) {
      if (deliveries.insert(
          UUID.randomUUID(), endpoint, eventId, event.type(), body, clock.instant())) {
        queued++;
      }
    }
    log.debug("Webhook {} {} queued for {} endpoint(s)", event.type(), eventId, queued);
    return queued;
  }

  /** Queues a test event for one endpoint, whatever it subscribes to; returns the delivery id. */
  @Transactional
  UUID publishTest(UUID endpointId, Map<String, Object> data) {
    Instant now = clock.instant();
    String eventId = "evt_" + hex(UUID.randomUUID());
    UUID id = UUID.randomUUID();
    deliveries.insert(
        id,
        endpointId,
        eventId,
        WebhookEvent.TEST.type(),
        body(eventId, WebhookEvent.TEST, now, data),
        now);
    return id;
  }

  static String eventId(WebhookEvent event, String about) {
    return "evt_"
        + hex(
            UUID.nameUUIDFromBytes((event.type() + ":" + about).getBytes(StandardCharsets.UTF_8)));
  }

  /** {@code {"id", "type", "timestamp", "data"}}, the envelope Standard Webhooks recommends. */
  private String body(String eventId, WebhookEvent event, Instant at, Map<String, Object> data) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("id", eventId);
    envelope.put("type", event.type());
    envelope.put("timestamp", at.toString());
    envelope.put("data", data);
    return json.writeValueAsString(envelope);
  }

  private static String hex(UUID id) {
    return id.toString().replace("-", "");
  }
}

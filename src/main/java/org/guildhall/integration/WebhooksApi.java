package org.guildhall.integration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.guildhall.shared.paging.KeysetPage;

/**
 * Outgoing webhooks as the owner's console sees them: endpoints, their signing secrets, and the log
 * of deliveries to each.
 */
public interface WebhooksApi {

  /** The most endpoints a community can register. */
  int MAX_ENDPOINTS = 20;

  /** Most deliveries one page of {@link #deliveries} returns. */
  int MAX_PAGE_SIZE = 100;

  /** Every endpoint, oldest first (there are at most {@link #MAX_ENDPOINTS}). */
  List<EndpointView> endpoints();

  Optional<EndpointView> endpoint(UUID id);

  /**
   * Registers an endpoint with a new signing secret.
   *
   * @throws org.guildhall.platform.DomainException 422 with the fields at fault; 409 when there are
   *     already {@link #MAX_ENDPOINTS}
   */
  EndpointView create(EndpointForm form);

  /**
   * Changes an endpoint's address, description, events or whether it is on.
   *
   * @throws org.guildhall.platform.DomainException 404; 422 with the fields at fault
   */
  EndpointView update(UUID id, EndpointForm form);

  /** Removes an endpoint and its deliveries; nothing more is sent to it. */
  void delete(UUID id);

  /** The endpoint's signing secret ({@code whsec_…}), for the owner to copy into the receiver. */
  String secret(UUID id);

  /** Replaces the signing secret; deliveries from now on are signed with the new one. */
  void rotateSecret(UUID id);

  /**
   * Queues a {@code webhook.test} event for this endpoint alone, whatever it subscribes to and even
   * when it is off, and returns the delivery's id.
   */
  UUID sendTest(UUID endpointId);

  /** The endpoint's deliveries, newest first, paged by key. */
  KeysetPage<DeliveryView> deliveries(UUID endpointId, String cursor, int size);

  Optional<DeliveryView> delivery(UUID id);

  /**
   * Sends a delivery again from now on (the same event id and body), whether it failed for good or
   * was delivered; a delivery still being retried is left as it is.
   *
   * @throws org.guildhall.platform.DomainException 404; 409 while it is still pending, or when its
   *     endpoint is off (a test event excepted)
   */
  void redeliver(UUID deliveryId);

  /**
   * An endpoint as the owner typed it. {@code events} holds wire names ({@code order.paid}); {@code
   * enabled} is null when its checkbox was not ticked.
   */
  record EndpointForm(String url, String description, List<String> events, Boolean enabled) {

    public EndpointForm {
      events = events == null ? List.of() : List.copyOf(events);
    }

    public static EndpointForm blank() {
      return new EndpointForm(
          "", "", WebhookEvent.subscribable().stream().map(WebhookEvent::type).toList(), true);
    }

    public static EndpointForm of(EndpointView endpoint) {
      return new EndpointForm(
          endpoint.url(),
          endpoint.description(),
          endpoint.events().stream().map(WebhookEvent::type).toList(),
          endpoint.enabled());
    }

    public boolean on() {
      return Boolean.TRUE.equals(enabled);
    }

    public boolean has(WebhookEvent event) {
      return events.contains(event.type());
    }
  }

  /** An endpoint with the outcome of its latest delivery, if any. */
  record EndpointView(
      UUID id,
      String url,
      String description,
      Set<WebhookEvent> events,
      boolean enabled,
      Instant createdAt,
      String lastStatus,
      Instant lastAt) {

    public EndpointView {
      events = Set.copyOf(events);
    }

    public boolean subscribes(WebhookEvent event) {
      return events.contains(event);
    }
  }

  /**
   * One event sent (or to be sent) to one endpoint. {@code status} is {@code PENDING}, {@code
   * DELIVERED} or {@code FAILED}; {@code lastStatusCode} is the receiver's HTTP status of the
   * latest attempt, null when none answered.
   */
  record DeliveryView(
      UUID id,
      UUID endpointId,
      String eventId,
      String eventType,
      String payload,
      String status,
      int attempts,
      Instant nextAttemptAt,
      Integer lastStatusCode,
      String lastError,
      String lastResponse,
      Instant createdAt,
      Instant deliveredAt) {

    public boolean pending() {
      return "PENDING".equals(status);
    }

    public boolean delivered() {
      return "DELIVERED".equals(status);
    }

    public boolean failed() {
      return "FAILED".equals(status);
    }
  }
}

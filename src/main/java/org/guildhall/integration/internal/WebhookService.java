package org.guildhall.integration.internal;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.guildhall.integration.WebhookEvent;
import org.guildhall.integration.WebhooksApi;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.SecretBox;
import org.guildhall.shared.paging.KeysetPage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The owner's side of webhooks: endpoints, secrets, the delivery log, test events. */
@Service
class WebhookService implements WebhooksApi {

  static final int MAX_DESCRIPTION_LENGTH = 200;

  private final WebhookEndpoints endpoints;
  private final WebhookDeliveries deliveries;
  private final WebhookOutbox outbox;
  private final WebhookTargets targets;
  private final SecretBox secrets;
  private final Clock clock;

  WebhookService(
      WebhookEndpoints endpoints,
      WebhookDeliveries deliveries,
      WebhookOutbox outbox,
      WebhookTargets targets,
      SecretBox secrets,
      Clock clock) {
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.outbox = outbox;
    this.targets = targets;
    this.secrets = secrets;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public List<EndpointView> endpoints() {
    return endpoints.all();
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<EndpointView> endpoint(UUID id) {
    return endpoints.find(id);
  }

  @Override
  @Transactional
  public EndpointView create(EndpointForm form) {
    Valid valid = validate(form);
    if (endpoints.count() >= MAX_ENDPOINTS) {
      throw DomainException.conflict("webhook-limit", MAX_ENDPOINTS);
    }
    UUID id = UUID.randomUUID();
    endpoints.insert(
        id,
        valid.url(),
        valid.description(),
        valid.events(),
        form.on(),
        secrets.seal(WebhookSigner.newSecret()),
        clock.instant());
    return endpoints.find(id).orElseThrow();
  }

  @Override
  @Transactional
  public EndpointView update(UUID id, EndpointForm form) {
    require(id);
    Valid valid = validate(form);
    endpoints.update(
        id, valid.url(), valid.description(), valid.events(), form.on(), clock.instant());
    return endpoints.find(id).orElseThrow();
  }

  @Override
  @Transactional
  public void delete(UUID id) {
    if (!endpoints.delete(id)) {
      throw notFound();
    }
  }

  @Override
  @Transactional(readOnly = true)
  public String secret(UUID id) {
    return secrets.open(endpoints.sealedSecret(id).orElseThrow(WebhookService::notFound));
  }

  @Override
  @Transactional
  public void rotateSecret(UUID id) {
    if (!endpoints.updateSecret(id, secrets.seal(WebhookSigner.newSecret()), clock.instant())) {
      throw notFound();
    }
  }

  @Override
  @Transactional
  public UUID sendTest(UUID endpointId) {
    require(endpointId);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("endpointId", endpointId.toString());
    data.put("message", "A test event sent from the Guildhall console.");
    return outbox.publishTest(endpointId, data);
  }

  @Override
  @Transactional(readOnly = true)
  public KeysetPage<DeliveryView> deliveries(UUID endpointId, String cursor, int size) {
    return deliveries.page(endpointId, cursor, Math.max(1, Math.min(size, MAX_PAGE_SIZE)));
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<DeliveryView> delivery(UUID id) {
    return deliveries.find(id);
  }

  @Override
  @Transactional
  public void redeliver(UUID deliveryId) {
    DeliveryView delivery =
        deliveries
            .find(deliveryId)
            .orElseThrow(() -> DomainException.notFound("webhook-delivery-not-found"));
    boolean endpointOn =
        endpoints.find(delivery.endpointId()).map(EndpointView::enabled).orElse(false);
    if (!endpointOn && !WebhookEvent.TEST.type().equals(delivery.eventType())) {
      // It would wait for the endpoint to be switched on; say so instead of pretending.
      throw DomainException.conflict("webhook-endpoint-off");
    }
    if (!deliveries.redeliver(deliveryId, clock.instant())) {
      throw DomainException.conflict("webhook-delivery-pending");
    }
  }

  private void require(UUID id) {
    endpoints.find(id).orElseThrow(WebhookService::notFound);
  }

  private static DomainException notFound() {
    return DomainException.notFound("webhook-not-found");
  }

  private record Valid(String url, String description, Set<WebhookEvent> events) {}

  /** Every field checked at once, so the form shows all its problems together. */
  private Valid validate(EndpointForm form) {
    Map<String, String> errors = new LinkedHashMap<>();
    String url = form.url() == null ? "" : form.url().strip();
    targets.problem(url).ifPresent(key -> errors.put("url", key));
    String description = form.description() == null ? "" : form.description().strip();
    if (description.length() > MAX_DESCRIPTION_LENGTH) {
      errors.put("description", "webhooks.description.too-long");
    }
    Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
    for (String type : form.events()) {
      Optional<WebhookEvent> event = WebhookEvent.ofType(type).filter(e -> e != WebhookEvent.TEST);
      if (event.isEmpty()) {
        errors.put("events", "webhooks.events.unknown");
        break;
      }
      events.add(event.get());
    }
    if (events.isEmpty()) {
      errors.putIfAbsent("events", "webhooks.events.required");
    }
    if (!errors.isEmpty()) {
      throw DomainException.invalid(errors);
    }
    return new Valid(url, description, events);
  }
}

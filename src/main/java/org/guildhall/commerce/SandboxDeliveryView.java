package org.guildhall.commerce;

import java.time.Instant;
import java.util.UUID;

/**
 * One notification the sandbox gateway sent (or holds, or dropped): {@code QUEUED}, {@code
 * DELIVERED}, {@code DROPPED} or {@code FAILED}, with the event's type and how the last attempt
 * went.
 */
public record SandboxDeliveryView(
    UUID id,
    String eventId,
    String type,
    String status,
    int attempts,
    String lastError,
    Instant nextAttemptAt,
    Instant createdAt,
    Instant deliveredAt) {}

package org.guildhall.commerce;

import java.time.Instant;
import java.util.UUID;

/** One group opened on a deal: {@code OPEN}, {@code COMPLETED} or {@code FAILED}. */
public record GroupBuyView(
    UUID id,
    UUID leaderId,
    String status,
    int size,
    int seatsTaken,
    int paid,
    Instant openedAt,
    Instant expiresAt,
    Instant closedAt) {}

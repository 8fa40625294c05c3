package org.guildhall.commerce;

import java.time.Instant;
import java.util.UUID;
import org.guildhall.shared.Money;

/** A limited-time offer as the owner's list shows it. */
public record OfferView(
    UUID id,
    String nameEn,
    String nameZh,
    String scopeKind,
    String scopeKey,
    Integer percentOff,
    Money amountOff,
    Instant startsAt,
    Instant endsAt,
    boolean active) {

  /** Upcoming, running or ended at {@code now} (an inactive offer is "paused" on the page). */
  public String phase(Instant now) {
    if (now.isBefore(startsAt)) {
      return "UPCOMING";
    }
    return now.isBefore(endsAt) ? "RUNNING" : "ENDED";
  }
}

package org.guildhall.membership.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.membership.BillingPeriod;
import org.guildhall.membership.MembershipStatus;

/**
 * A member's standing in one tier over time. Transitions are methods that check where the
 * membership stands; {@code liveAccountId} mirrors the account id while the membership grants
 * access, so the database's unique index allows one live membership per member.
 */
@Entity
@Table(name = "membership")
class Membership {

  @Id private UUID id;

  @Column(nullable = false)
  private UUID accountId;

  @Column(nullable = false)
  private UUID tierId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private MembershipStatus status;

  @Enumerated(EnumType.STRING)
  private BillingPeriod billing;

  private UUID liveAccountId;

  @Column(nullable = false)
  private Instant startedAt;

  private Instant currentPeriodEnd;
  private Instant graceUntil;
  private boolean cancelAtPeriodEnd;
  private String cancelReason;
  private String cancelComment;
  private Instant endedAt;

  @Column(nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Membership() {}

  private Membership(UUID accountId, UUID tierId, MembershipStatus status, Instant now) {
    this.id = UUID.randomUUID();
    this.accountId = accountId;
    this.tierId = tierId;
    this.status = status;
    this.liveAccountId = accountId;
    this.startedAt = now;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** A free trial of {@code days} days from now. */
  static Membership trial(UUID accountId, UUID tierId, int days, Instant now) {
    if (days <= 0) {
      throw new IllegalArgumentException("A trial lasts at least a day");
    }
    Membership membership = new Membership(accountId, tierId, MembershipStatus.TRIALING, now);
    membership.currentPeriodEnd = now.plus(Duration.ofDays(days));
    return membership;
  }

  /**
   * Moves the membership on if its time has come: a trial or a cancelled membership ends at its
   * period end; an active one falls past due (with {@code grace} to pay) at its period end; a past
   * due one ends when the grace runs out. Returns the status it left, if it moved.
   */
  Optional<MembershipStatus> advance(Instant now, Duration grace) {
    MembershipStatus before = status;
    switch (status) {
      case TRIALING, CANCELED -> {
        if (due(currentPeriodEnd, now)) {
          expire(now);
        }
      }
      case ACTIVE -> {
        if (due(currentPeriodEnd, now)) {
          status = MembershipStatus.PAST_DUE;
          graceUntil = currentPeriodEnd.plus(grace);
          updatedAt = now;
          if (due(graceUntil, now)) {
            expire(now);
          }
        }
      }
      case PAST_DUE -> {
        if (due(graceUntil, now)) {
          expire(now);
        }
      }
      case EXPIRED -> {
        // nothing further
      }
    }
    return status == before ? Optional.empty() : Optional.of(before);
  }

  private void expire(Instant now) {
    status = MembershipStatus.EXPIRED;
    liveAccountId = null;
    endedAt = now;
    updatedAt = now;
  }

  private static boolean due(Instant at, Instant now) {
    return at != null && !at.isAfter(now);
  }

  UUID id() {
    return id;
  }

  UUID accountId() {
    return accountId;
  }

  UUID tierId() {
    return tierId;
  }

  MembershipStatus status() {
    return status;
  }

  BillingPeriod billing() {
    return billing;
  }

  Instant startedAt() {
    return startedAt;
  }

  Instant currentPeriodEnd() {
    return currentPeriodEnd;
  }

  Instant graceUntil() {
    return graceUntil;
  }

  boolean cancelAtPeriodEnd() {
    return cancelAtPeriodEnd;
  }

  Instant endedAt() {
    return endedAt;
  }
}

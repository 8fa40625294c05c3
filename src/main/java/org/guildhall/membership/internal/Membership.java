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
  private String subscriptionRef;
  private UUID subscriptionOrderId;
  private UUID pendingTierId;

  @Enumerated(EnumType.STRING)
  private BillingPeriod pendingBilling;

  private int renewals;

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

  /** A paid membership from {@code start} to {@code end} (null: lifetime). */
  static Membership paid(
      UUID accountId, UUID tierId, BillingPeriod billing, Instant start, Instant end, Instant now) {
    Membership membership = new Membership(accountId, tierId, MembershipStatus.ACTIVE, now);
    membership.startedAt = start;
    membership.billing = billing;
    membership.currentPeriodEnd = end;
    return membership;
  }

  /**
   * A payment moved the membership on: it is active in {@code tierId} until {@code end} (null:
   * lifetime), whatever it was before (trial, cancelled, past due); a waiting downgrade or
   * cancellation is dropped because the member chose to pay.
   */
  void paidUntil(UUID tierId, BillingPeriod billing, Instant end, boolean renewal, Instant now) {
    if (status == MembershipStatus.EXPIRED) {
      throw new IllegalStateException("An expired membership is not extended; start a new one");
    }
    this.renewals = renewal ? renewals + 1 : 0;
    this.tierId = tierId;
    this.billing = billing;
    this.status = MembershipStatus.ACTIVE;
    this.currentPeriodEnd = end;
    this.graceUntil = null;
    this.cancelAtPeriodEnd = false;
    this.cancelReason = null;
    this.cancelComment = null;
    this.pendingTierId = null;
    this.pendingBilling = null;
    this.updatedAt = now;
  }

  /**
   * A refund takes back {@code cut} of the paid time; if no time is left the membership ends now.
   * Returns true when it ended.
   */
  boolean shorten(Duration cut, Instant now) {
    if (status == MembershipStatus.EXPIRED || currentPeriodEnd == null) {
      if (status != MembershipStatus.EXPIRED && currentPeriodEnd == null) {
        expire(now); // a lifetime membership refunded in full
        return true;
      }
      return false;
    }
    currentPeriodEnd = currentPeriodEnd.minus(cut);
    updatedAt = now;
    if (!currentPeriodEnd.isAfter(now)) {
      currentPeriodEnd = now;
      expire(now);
      return true;
    }
    if (status == MembershipStatus.PAST_DUE && graceUntil != null) {
      graceUntil = graceUntil.minus(cut);
    }
    return false;
  }

  /** Cancel at the period end: access stays until then, nothing renews. */
  void cancel(String reason, String comment, Instant now) {
    if (status != MembershipStatus.ACTIVE && status != MembershipStatus.PAST_DUE) {
      throw new IllegalStateException("Only an active membership can be cancelled");
    }
    status = MembershipStatus.CANCELED;
    cancelAtPeriodEnd = true;
    cancelReason = reason;
    cancelComment = comment;
    pendingTierId = null;
    pendingBilling = null;
    if (graceUntil != null && currentPeriodEnd != null && currentPeriodEnd.isBefore(now)) {
      currentPeriodEnd = now; // cancelling in the grace period ends it now
    }
    updatedAt = now;
  }

  /** Takes a cancellation back while the period runs. */
  void resume(Instant now) {
    if (status != MembershipStatus.CANCELED
        || currentPeriodEnd == null
        || !currentPeriodEnd.isAfter(now)) {
      throw new IllegalStateException("Nothing to resume");
    }
    status = MembershipStatus.ACTIVE;
    cancelAtPeriodEnd = false;
    cancelReason = null;
    cancelComment = null;
    updatedAt = now;
  }

  /** At the period end, move to a lower tier (null: to no paid tier, i.e. end). */
  void downgradeAtPeriodEnd(UUID tierId, BillingPeriod billing, Instant now) {
    if (status != MembershipStatus.ACTIVE) {
      throw new IllegalStateException("Only an active membership can be downgraded");
    }
    pendingTierId = tierId;
    pendingBilling = billing;
    updatedAt = now;
  }

  void cancelDowngrade(Instant now) {
    pendingTierId = null;
    pendingBilling = null;
    updatedAt = now;
  }

  void linkSubscription(String ref, UUID orderId) {
    this.subscriptionRef = ref;
    this.subscriptionOrderId = orderId;
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
        if (due(currentPeriodEnd, now) && pendingTierId != null) {
          // the downgrade takes effect: the lower tier is due for payment, with the grace period
          tierId = pendingTierId;
          billing = pendingBilling;
          pendingTierId = null;
          pendingBilling = null;
          renewals = 0;
          subscriptionRef = null;
          subscriptionOrderId = null;
        }
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

  String subscriptionRef() {
    return subscriptionRef;
  }

  UUID subscriptionOrderId() {
    return subscriptionOrderId;
  }

  UUID pendingTierId() {
    return pendingTierId;
  }

  BillingPeriod pendingBilling() {
    return pendingBilling;
  }

  int renewals() {
    return renewals;
  }

  String cancelReason() {
    return cancelReason;
  }
}

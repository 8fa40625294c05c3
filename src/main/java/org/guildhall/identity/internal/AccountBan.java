package org.guildhall.identity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One ban in an account's history, with who imposed and who lifted it. */
@Entity
@Table(name = "account_ban")
class AccountBan {

  @Id private UUID id;

  @Column(nullable = false)
  private UUID accountId;

  @Column(nullable = false)
  private String reason;

  private Instant until;

  @Column(nullable = false)
  private UUID bannedBy;

  @Column(nullable = false)
  private Instant createdAt;

  private Instant liftedAt;
  private UUID liftedBy;

  protected AccountBan() {}

  AccountBan(UUID accountId, String reason, Instant until, UUID bannedBy, Instant now) {
    this.id = UUID.randomUUID();
    this.accountId = accountId;
    this.reason = reason;
    this.until = until;
    this.bannedBy = bannedBy;
    this.createdAt = now;
  }

  void lift(UUID by, Instant now) {
    if (liftedAt == null) {
      liftedAt = now;
      liftedBy = by;
    }
  }
}

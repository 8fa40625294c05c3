package org.guildhall.identity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A personal access token for API clients; only a SHA-256 of its secret is stored. */
@Entity
@Table(name = "access_token")
class AccessToken {

  @Id private UUID id;

  @Column(nullable = false)
  private UUID accountId;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String tokenHash;

  @Column(nullable = false)
  private String tokenHint;

  @Column(nullable = false)
  private Instant createdAt;

  private Instant expiresAt;
  private Instant lastUsedAt;
  private Instant revokedAt;

  protected AccessToken() {}

  AccessToken(
      UUID accountId,
      String name,
      String tokenHash,
      String tokenHint,
      Instant now,
      Instant expiresAt) {
    this.id = UUID.randomUUID();
    this.accountId = accountId;
    this.name = name;
    this.tokenHash = tokenHash;
    this.tokenHint = tokenHint;
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  UUID id() {
    return id;
  }

  UUID accountId() {
    return accountId;
  }

  String name() {
    return name;
  }

  String tokenHint() {
    return tokenHint;
  }

  Instant createdAt() {
    return createdAt;
  }

  Instant expiresAt() {
    return expiresAt;
  }

  Instant lastUsedAt() {
    return lastUsedAt;
  }

  Instant revokedAt() {
    return revokedAt;
  }

  boolean validAt(Instant now) {
    return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
  }

  void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }
}

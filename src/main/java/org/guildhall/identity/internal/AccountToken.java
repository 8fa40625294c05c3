package org.guildhall.identity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A one-time link token; only its SHA-256 is stored. Used at most once, before it expires. */
@Entity
@Table(name = "account_token")
class AccountToken {

  enum Purpose {
    VERIFY_EMAIL,
    RESET_PASSWORD,
    CHANGE_EMAIL
  }

  @Id private UUID id;

  @Column(nullable = false)
  private UUID accountId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Purpose purpose;

  @Column(nullable = false)
  private String tokenHash;

  private String newEmail;

  @Column(nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private Instant expiresAt;

  private Instant usedAt;

  protected AccountToken() {}

  AccountToken(
      UUID accountId,
      Purpose purpose,
      String tokenHash,
      String newEmail,
      Instant now,
      Instant expiresAt) {
    this.id = UUID.randomUUID();
    this.accountId = accountId;
    this.purpose = purpose;
    this.tokenHash = tokenHash;
    this.newEmail = newEmail;
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  UUID accountId() {
    return accountId;
  }

  Purpose purpose() {
    return purpose;
  }

  String newEmail() {
    return newEmail;
  }

  boolean usableAt(Instant now) {
    return usedAt == null && expiresAt.isAfter(now);
  }

  void use(Instant now) {
    this.usedAt = now;
  }
}

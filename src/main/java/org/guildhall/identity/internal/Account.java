package org.guildhall.identity.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.guildhall.identity.AccountId;
import org.guildhall.identity.AccountStatus;
import org.guildhall.identity.Role;

/** An account: credentials, profile, roles and standing. State changes go through methods. */
@Entity
@Table(name = "account")
class Account {

  @Id private UUID id;

  @Column(nullable = false)
  private String email;

  private Instant emailVerifiedAt;

  @Column(nullable = false)
  private String passwordHash;

  @Column(nullable = false)
  private String displayName;

  @Column(nullable = false)
  private String handle;

  private String bio;
  private String links;

  @Column(nullable = false)
  private String timeZone;

  @Column(nullable = false)
  private String language;

  private String avatarKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private AccountStatus status;

  private Instant bannedUntil;
  private String banReason;

  @Column(nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private Instant updatedAt;

  @Version private long version;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
  @Column(name = "role")
  @Enumerated(EnumType.STRING)
  private Set<Role> roles = EnumSet.of(Role.MEMBER);

  protected Account() {}

  Account(
      AccountId id,
      String email,
      String passwordHash,
      String displayName,
      String handle,
      String language,
      String timeZone,
      Instant now) {
    this.id = id.value();
    this.email = email;
    this.passwordHash = passwordHash;
    this.displayName = displayName;
    this.handle = handle;
    this.language = language;
    this.timeZone = timeZone;
    this.status = AccountStatus.ACTIVE;
    this.createdAt = now;
    this.updatedAt = now;
  }

  AccountId id() {
    return new AccountId(id);
  }

  String email() {
    return email;
  }

  String passwordHash() {
    return passwordHash;
  }

  String displayName() {
    return displayName;
  }

  String handle() {
    return handle;
  }

  String bio() {
    return bio;
  }

  List<String> links() {
    if (links == null || links.isBlank()) {
      return List.of();
    }
    return Arrays.stream(links.split("\n")).filter(s -> !s.isBlank()).toList();
  }

  String timeZone() {
    return timeZone;
  }

  String language() {
    return language;
  }

  String avatarKey() {
    return avatarKey;
  }

  AccountStatus status() {
    return status;
  }

  Instant bannedUntil() {
    return bannedUntil;
  }

  String banReason() {
    return banReason;
  }

  Instant createdAt() {
    return createdAt;
  }

  Instant emailVerifiedAt() {
    return emailVerifiedAt;
  }

  boolean emailVerified() {
    return emailVerifiedAt != null;
  }

  Set<Role> roles() {
    return roles.isEmpty() ? EnumSet.of(Role.MEMBER) : EnumSet.copyOf(roles);
  }

  /** Banned now: a ban without an end, or whose end is still ahead. */
  boolean isBannedAt(Instant now) {
    return status == AccountStatus.BANNED && (bannedUntil == null || bannedUntil.isAfter(now));
  }

  void verifyEmail(Instant now) {
    if (emailVerifiedAt == null) {
      emailVerifiedAt = now;
      updatedAt = now;
    }
  }

  void changePassword(String newHash, Instant now) {
    this.passwordHash = newHash;
    this.updatedAt = now;
  }

  /** The new address has been proven by a link sent to it, so it counts as verified. */
  void changeEmail(String newEmail, Instant now) {
    this.email = newEmail;
    this.emailVerifiedAt = now;
    this.updatedAt = now;
  }

  void updateProfile(
      String displayName,
      String bio,
      List<String> links,
      String timeZone,
      String language,
      Instant now) {
    this.displayName = displayName;
    this.bio = bio == null || bio.isBlank() ? null : bio;
    this.links = links.isEmpty() ? null : String.join("\n", links);
    this.timeZone = timeZone;
    this.language = language;
    this.updatedAt = now;
  }

  void changeLanguage(String language, Instant now) {
    this.language = language;
    this.updatedAt = now;
  }

  void changeAvatar(String avatarKey, Instant now) {
    this.avatarKey = avatarKey;
    this.updatedAt = now;
  }

  void replaceRoles(Set<Role> newRoles, Instant now) {
    EnumSet<Role> next = newRoles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(newRoles);
    next.add(Role.MEMBER);
    roles.clear();
    roles.addAll(next);
    updatedAt = now;
  }

  void ban(String reason, Instant until, Instant now) {
    this.status = AccountStatus.BANNED;
    this.banReason = reason;
    this.bannedUntil = until;
    this.updatedAt = now;
  }

  void unban(Instant now) {
    this.status = AccountStatus.ACTIVE;
    this.banReason = null;
    this.bannedUntil = null;
    this.updatedAt = now;
  }
}

package org.guildhall.identity;

import java.time.Instant;
import java.util.Set;

/** An account as the owner's user list and other modules see it. */
public record AccountSummary(
    AccountId id,
    String email,
    String displayName,
    String handle,
    String avatarUrl,
    Set<Role> roles,
    AccountStatus status,
    Instant bannedUntil,
    String banReason,
    boolean emailVerified,
    String language,
    Instant createdAt) {

  public AccountSummary {
    roles = Set.copyOf(roles);
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }
}

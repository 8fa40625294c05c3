package org.guildhall.identity;

import java.time.Instant;
import java.util.Set;

/** Events the identity module publishes. They carry ids and values, never entities. */
public final class IdentityEvents {

  private IdentityEvents() {}

  public record AccountRegistered(
      AccountId accountId, String email, String displayName, String language, Instant at) {}

  /** A verification link was issued; the raw token exists only in this event and the mail. */
  public record EmailVerificationRequested(
      AccountId accountId,
      String email,
      String displayName,
      String language,
      String token,
      Instant expiresAt) {}

  public record EmailVerified(AccountId accountId, Instant at) {}

  public record PasswordResetRequested(
      AccountId accountId,
      String email,
      String displayName,
      String language,
      String token,
      Instant expiresAt) {}

  public record PasswordChanged(
      AccountId accountId, String email, String displayName, String language, Instant at) {}

  public record EmailChangeRequested(
      AccountId accountId,
      String newEmail,
      String displayName,
      String language,
      String token,
      Instant expiresAt) {}

  public record EmailChanged(
      AccountId accountId,
      String oldEmail,
      String newEmail,
      String displayName,
      String language,
      Instant at) {}

  public record RolesChanged(
      AccountId accountId, Set<Role> before, Set<Role> after, AccountId by, Instant at) {}

  public record AccountBanned(
      AccountId accountId, String reason, Instant until, AccountId by, Instant at) {}

  /** A ban was lifted by the owner ({@code by}), or ran out at its end date ({@code by} null). */
  public record AccountUnbanned(AccountId accountId, AccountId by, Instant at) {}
}

package org.guildhall.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.identity.AccountId;
import org.guildhall.platform.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Personal access tokens: {@code gh_} + 43 random characters, shown once, stored hashed. */
@Service
public class AccessTokenService {

  static final String PREFIX = "gh_";
  private static final int MAX_ACTIVE = 20;

  private final AccessTokenRepository tokens;
  private final AccountRepository accounts;
  private final Clock clock;

  AccessTokenService(AccessTokenRepository tokens, AccountRepository accounts, Clock clock) {
    this.tokens = tokens;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** The principal for a token request, with the account's current roles. */
  @Transactional(readOnly = true)
  MemberPrincipal principalFor(UUID accountId) {
    Account account =
        accounts
            .findById(accountId)
            .orElseThrow(() -> DomainException.notFound("account-not-found"));
    return new MemberPrincipal(
        accountId, null, account.roles(), account.isBannedAt(clock.instant()));
  }

  /** A token as its owner sees it in the list (never the secret). */
  public record TokenView(
      UUID id,
      String name,
      String hint,
      Instant createdAt,
      Instant expiresAt,
      Instant lastUsedAt,
      boolean active) {}

  /** Creates a token; the returned secret is shown once and never again. */
  @Transactional
  public String create(AccountId owner, String name, Integer validDays) {
    String label = name == null ? "" : name.strip();
    if (label.isEmpty() || label.length() > 60) {
      throw DomainException.invalidField("name", "validation.token.name");
    }
    if (validDays != null && (validDays < 1 || validDays > 3650)) {
      throw DomainException.invalidField("validDays", "validation.token.days");
    }
    if (tokens.countByAccountIdAndRevokedAtIsNull(owner.value()) >= MAX_ACTIVE) {
      throw DomainException.conflict("too-many-tokens");
    }
    Instant now = clock.instant();
    String secret = PREFIX + Tokens.random();
    tokens.save(
        new AccessToken(
            owner.value(),
            label,
            Tokens.sha256(secret),
            secret.substring(0, 7) + "…",
            now,
            validDays == null ? null : now.plus(Duration.ofDays(validDays))));
    return secret;
  }

  @Transactional(readOnly = true)
  public List<TokenView> list(AccountId owner) {
    Instant now = clock.instant();
    return tokens.findTop50ByAccountIdOrderByCreatedAtDesc(owner.value()).stream()
        .map(
            t ->
                new TokenView(
                    t.id(),
                    t.name(),
                    t.tokenHint(),
                    t.createdAt(),
                    t.expiresAt(),
                    t.lastUsedAt(),
                    t.validAt(now)))
        .toList();
  }

  @Transactional
  public void revoke(AccountId owner, UUID tokenId) {
    tokens
        .findById(tokenId)
        .filter(t -> t.accountId().equals(owner.value()))
        .orElseThrow(() -> DomainException.notFound("token-not-found"))
        .revoke(clock.instant());
  }

  /** The account a presented secret belongs to, if the token is valid. */
  @Transactional
  Optional<UUID> authenticate(String secret) {
    if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return tokens
        .findByTokenHash(Tokens.sha256(secret))
        .filter(t -> t.validAt(now))
        .map(
            t -> {
              if (t.lastUsedAt() == null
                  || t.lastUsedAt().isBefore(now.minus(Duration.ofMinutes(5)))) {
                tokens.touch(t.id(), now);
              }
              return t.accountId();
            });
  }
}

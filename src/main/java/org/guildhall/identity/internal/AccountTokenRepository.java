package org.guildhall.identity.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AccountTokenRepository extends JpaRepository<AccountToken, UUID> {

  Optional<AccountToken> findByTokenHash(String tokenHash);

  /** Marks every unused token of a purpose as used: a new link supersedes the old ones. */
  @Modifying
  @Query(
      "update AccountToken t set t.usedAt = :now where t.accountId = :accountId"
          + " and t.purpose = :purpose and t.usedAt is null")
  int invalidateAll(UUID accountId, AccountToken.Purpose purpose, Instant now);

  /** Consumes a token exactly once, even when two requests race with the same link. */
  @Modifying
  @Query(
      "update AccountToken t set t.usedAt = :now where t.tokenHash = :hash and t.usedAt is null"
          + " and t.expiresAt > :now")
  int consume(String hash, Instant now);
}

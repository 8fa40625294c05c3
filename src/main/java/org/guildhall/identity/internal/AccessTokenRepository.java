package org.guildhall.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AccessTokenRepository extends JpaRepository<AccessToken, UUID> {

  Optional<AccessToken> findByTokenHash(String tokenHash);

  List<AccessToken> findTop50ByAccountIdOrderByCreatedAtDesc(UUID accountId);

  long countByAccountIdAndRevokedAtIsNull(UUID accountId);

  /** Revokes every token of an account that is not revoked yet; returns how many. */
  @Modifying
  @Query(
      "update AccessToken t set t.revokedAt = :now where t.accountId = :accountId"
          + " and t.revokedAt is null")
  int revokeAll(UUID accountId, Instant now);

  @Modifying
  @Query("update AccessToken t set t.lastUsedAt = :now where t.id = :id")
  void touch(UUID id, Instant now);
}

package org.guildhall.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.identity.Role;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<Account, UUID> {

  Optional<Account> findByEmail(String email);

  Optional<Account> findByHandle(String handle);

  boolean existsByEmail(String email);

  boolean existsByHandle(String handle);

  /** Banned accounts whose ban has an end that has come. */
  @Query(
      "select a.id from Account a where a.status = org.guildhall.identity.AccountStatus.BANNED"
          + " and a.bannedUntil <= :now order by a.bannedUntil")
  List<UUID> findExpiredBans(Instant now, Limit limit);

  @Query("select count(a) from Account a where :role member of a.roles")
  long countWithRole(Role role);
}

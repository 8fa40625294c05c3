package org.guildhall.identity.internal;

import java.util.Optional;
import java.util.UUID;
import org.guildhall.identity.Role;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<Account, UUID> {

  Optional<Account> findByEmail(String email);

  Optional<Account> findByHandle(String handle);

  boolean existsByEmail(String email);

  boolean existsByHandle(String handle);

  @Query("select count(a) from Account a where :role member of a.roles")
  long countWithRole(Role role);
}

package org.guildhall.identity.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountBanRepository extends JpaRepository<AccountBan, UUID> {

  List<AccountBan> findByAccountIdAndLiftedAtIsNull(UUID accountId);
}

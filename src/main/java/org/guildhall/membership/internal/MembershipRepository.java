package org.guildhall.membership.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface MembershipRepository extends JpaRepository<Membership, UUID> {

  /** The member's live membership (at most one, by the unique index). */
  @Query("select m from Membership m where m.liveAccountId = :accountId")
  Optional<Membership> findLive(UUID accountId);

  /** Live memberships whose period end or grace end has come, oldest first. */
  @Query(
      "select m.id from Membership m where"
          + " (m.status in (org.guildhall.membership.MembershipStatus.TRIALING,"
          + " org.guildhall.membership.MembershipStatus.ACTIVE,"
          + " org.guildhall.membership.MembershipStatus.CANCELED) and m.currentPeriodEnd <= :now)"
          + " or (m.status = org.guildhall.membership.MembershipStatus.PAST_DUE and m.graceUntil <= :now)"
          + " order by m.currentPeriodEnd")
  List<UUID> findDue(Instant now, Limit limit);

  @Query(
      value = "SELECT COUNT(*) FROM membership_trial WHERE account_id = :accountId",
      nativeQuery = true)
  long countTrials(UUID accountId);

  @Modifying
  @Query(
      value =
          "INSERT INTO membership_trial (account_id, tier_id, membership_id, started_at)"
              + " VALUES (:accountId, :tierId, :membershipId, :at)",
      nativeQuery = true)
  void recordTrial(UUID accountId, UUID tierId, UUID membershipId, Instant at);
}

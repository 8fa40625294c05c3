package org.guildhall.membership.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TierRepository extends JpaRepository<Tier, UUID> {

  java.util.Optional<Tier> findBySlugAndActiveTrue(String slug);

  java.util.Optional<Tier> findBySlug(String slug);

  boolean existsBySlug(String slug);

  java.util.Optional<Tier> findByRank(int rank);

  List<Tier> findAllByOrderByRankAsc();

  /** Active tiers with their prices in one statement. */
  @Query(
      "select distinct t from Tier t left join fetch t.prices where t.active = true order by t.rank")
  List<Tier> findActiveWithPrices();
}

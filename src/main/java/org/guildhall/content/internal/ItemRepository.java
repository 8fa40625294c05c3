package org.guildhall.content.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Items for writing; pages read through {@link ContentQueries}. */
interface ItemRepository extends JpaRepository<ContentItem, UUID> {

  Optional<ContentItem> findBySlug(String slug);

  boolean existsBySlug(String slug);

  /** Scheduled items whose time has come, oldest first. */
  @Query(
      "select i.id from ContentItem i where i.status = org.guildhall.content.ContentStatus.SCHEDULED"
          + " and i.publishedAt <= :now order by i.publishedAt")
  List<UUID> findDue(Instant now, Limit limit);
}

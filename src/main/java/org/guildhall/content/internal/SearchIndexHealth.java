package org.guildhall.content.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The search index as a health component ({@code searchIndex}), part of the readiness group: out of
 * service while the start-up rebuild is still running, up otherwise. A failed rebuild counts as up:
 * search then misses items, but the instance serves everything else.
 */
@Component("searchIndex")
class SearchIndexHealth implements HealthIndicator {

  private final SearchIndexer indexer;

  SearchIndexHealth(SearchIndexer indexer) {
    this.indexer = indexer;
  }

  @Override
  public Health health() {
    return indexer.rebuilding()
        ? Health.outOfService().withDetail("rebuilding", true).build()
        : Health.up().build();
  }
}

package org.guildhall.content.internal;

import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hibernate.search.mapper.orm.Search;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the search index from the database when the application starts — after Flyway, before
 * the web server opens — because rows written by SQL (migrations, imports, another instance while
 * this one was down) never pass through JPA's automatic indexing. It waits at most {@code
 * guildhall.search.startup-wait} (default 10 s; small communities are indexed in well under a
 * second) and lets a larger rebuild finish in the background. {@code
 * guildhall.search.reindex-on-start=false} turns it off (e.g. on all but one instance sharing an
 * Elasticsearch index).
 *
 * <p>While a start-up rebuild runs, the index is incomplete: the readiness probe says so through
 * {@link SearchIndexHealth} (out of service), so that a load balancer sends traffic to instances
 * whose search finds everything, while the pages themselves already work.
 */
@Component
public class SearchIndexer implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

  private final EntityManagerFactory entityManagerFactory;
  private final boolean onStart;
  private final Duration startupWait;
  private volatile boolean rebuilding;

  SearchIndexer(
      EntityManagerFactory entityManagerFactory,
      @Value("${guildhall.search.reindex-on-start:true}") boolean onStart,
      @Value("${guildhall.search.startup-wait:PT10S}") Duration startupWait) {
    this.entityManagerFactory = entityManagerFactory;
    this.onStart = onStart;
    this.startupWait = startupWait;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (!onStart) {
      return;
    }
    long started = System.nanoTime();
    CompletionStage<?> rebuild = track(reindex());
    try {
      rebuild.toCompletableFuture().get(startupWait.toMillis(), TimeUnit.MILLISECONDS);
      log.info(
          "Search index rebuilt in {} ms",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    } catch (TimeoutException e) {
      log.info("Search index rebuild continues in the background");
    } catch (ExecutionException e) {
      log.warn("Search index rebuild failed; search may miss items until the next one", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Marks the index as rebuilding until {@code rebuild} ends, whichever way it ends. */
  CompletionStage<?> track(CompletionStage<?> rebuild) {
    rebuilding = true;
    return rebuild.whenComplete((result, failure) -> rebuilding = false);
  }

  /** True while the start-up rebuild has not finished (the index misses items meanwhile). */
  boolean rebuilding() {
    return rebuilding;
  }

  /** Purges the index and indexes every item again, in the background. */
  public CompletionStage<?> reindex() {
    return Search.mapping(entityManagerFactory)
        .scope(ContentItem.class)
        .massIndexer()
        .typesToIndexInParallel(1)
        .threadsToLoadObjects(1)
        .batchSizeToLoadObjects(50)
        .purgeAllOnStart(true)
        .mergeSegmentsOnFinish(false)
        .start();
  }
}

package org.guildhall.content.internal;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Popularity: enrolments (counted as they happen, by a listener of the learning module) and page
 * views, counted in memory and added to the items every minute, so reading a page never writes to
 * the database. Views counted by an instance that stops before a flush are lost, which a popularity
 * signal can afford.
 */
@Component
public class ViewCounter {

  private final Map<UUID, LongAdder> pending = new ConcurrentHashMap<>();
  private final JdbcClient jdbc;

  ViewCounter(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void count(UUID itemId) {
    pending.computeIfAbsent(itemId, k -> new LongAdder()).increment();
  }

  void enrolled(UUID courseId) {
    jdbc.sql("UPDATE content_item SET enrolments = enrolments + 1 WHERE id = ?")
        .param(courseId)
        .update();
  }

  @Scheduled(fixedDelayString = "${guildhall.content.view-flush:PT1M}")
  public void flush() {
    for (UUID id : pending.keySet()) {
      LongAdder adder = pending.remove(id);
      long n = adder == null ? 0 : adder.sum();
      if (n > 0) {
        jdbc.sql("UPDATE content_item SET views = views + ? WHERE id = ?").params(n, id).update();
      }
    }
  }
}

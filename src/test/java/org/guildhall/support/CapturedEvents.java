package org.guildhall.support;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.springframework.context.event.EventListener;

/** Records every application event published on any thread, for tests to inspect. */
public class CapturedEvents {

  private final Queue<Object> events = new ConcurrentLinkedQueue<>();

  @EventListener
  void on(Object event) {
    events.add(event);
  }

  public <T> List<T> all(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Waits up to 10 s for an event of {@code type} matching {@code filter}; the latest one. */
  public <T> T await(Class<T> type, Predicate<T> filter) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              List<T> found = all(type).stream().filter(filter).toList();
              return found.isEmpty() ? null : found.get(found.size() - 1);
            },
            java.util.Objects::nonNull);
  }
}

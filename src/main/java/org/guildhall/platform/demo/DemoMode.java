package org.guildhall.platform.demo;

import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * Whether the demo community is seeded. {@code guildhall.demo.enabled} decides when set; unset, it
 * is on for the embedded H2 database and off for any other. Each module seeds its own demo data,
 * and only into empty tables.
 *
 * <p>The seeders run once the server answers (a first start serves its home page sooner), so a
 * visitor may come while the demo is still being made: {@link #seeding()} says so, from the first
 * seeder that finds an empty table until the application is ready.
 */
@Component
public class DemoMode {

  private final boolean enabled;
  private volatile boolean seeding;

  DemoMode(@Value("${guildhall.demo.enabled:#{null}}") Boolean configured, DataSource dataSource) {
    this.enabled = configured != null ? configured : isEmbedded(dataSource);
  }

  public boolean enabled() {
    return enabled;
  }

  /** A seeder found its tables empty and is filling them. */
  public void seedingStarted() {
    seeding = enabled;
  }

  /** Whether the demo community is still being seeded (pages may show it half made). */
  public boolean seeding() {
    return seeding;
  }

  /**
   * Every seeder has run: they run on {@code ApplicationStartedEvent}, which comes before the
   * application is ready.
   */
  @EventListener(ApplicationReadyEvent.class)
  public void seedingFinished() {
    seeding = false;
  }

  private static boolean isEmbedded(DataSource dataSource) {
    try {
      String product =
          JdbcUtils.extractDatabaseMetaData(dataSource, meta -> meta.getDatabaseProductName());
      return product != null && product.toLowerCase(java.util.Locale.ROOT).contains("h2");
    } catch (Exception e) {
      return false;
    }
  }
}

package org.guildhall.platform.demo;

import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * Whether the demo community is seeded. {@code guildhall.demo.enabled} decides when set; unset, it
 * is on for the embedded H2 database and off for any other. Each module seeds its own demo data,
 * and only into empty tables.
 */
@Component
public class DemoMode {

  private final boolean enabled;

  DemoMode(@Value("${guildhall.demo.enabled:#{null}}") Boolean configured, DataSource dataSource) {
    this.enabled = configured != null ? configured : isEmbedded(dataSource);
  }

  public boolean enabled() {
    return enabled;
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

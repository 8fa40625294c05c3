package org.guildhall.content.internal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The search backend's own settings from {@code guildhall.search.*}: for the embedded Lucene index
 * its directory ({@code guildhall.search.index-dir}, default {@code ./data/index}); for an
 * Elasticsearch or OpenSearch cluster ({@code guildhall.search.backend=elasticsearch}) its {@code
 * uris}, credentials and version. Only the chosen backend's settings are passed on, so Hibernate
 * Search has none it does not use. The backend type and the analysis configurer, which every
 * context needs (test slices too), are in {@code application.yml}. Anything set explicitly under
 * {@code spring.jpa.properties.hibernate.search.*} wins. See docs/search.md.
 */
@Configuration(proxyBeanMethods = false)
class SearchConfig {

  static final String BACKEND = "hibernate.search.backend.";

  /** The Lucene version analysis behaves as (the library's own). */
  static final String LUCENE_VERSION = "9.12.3";

  @Bean
  HibernatePropertiesCustomizer searchBackend(
      @Value("${guildhall.search.backend:lucene}") String backend,
      @Value("${guildhall.search.index-dir:./data/index}") Path indexDir,
      @Value("${guildhall.search.uris:http://localhost:9200}") String uris,
      @Value("${guildhall.search.username:}") String username,
      @Value("${guildhall.search.password:}") String password,
      @Value("${guildhall.search.version:}") String version) {
    return properties ->
        configure(properties, backend, indexDir, uris, username, password, version);
  }

  static void configure(
      Map<String, Object> properties,
      String backend,
      Path indexDir,
      String uris,
      String username,
      String password,
      String version) {
    String type = backend == null ? "" : backend.strip().toLowerCase(Locale.ROOT);
    switch (type) {
      case "lucene" -> {
        properties.putIfAbsent(BACKEND + "lucene_version", LUCENE_VERSION);
        Object directory = properties.getOrDefault(BACKEND + "directory.type", "local-filesystem");
        if ("local-filesystem".equals(directory)) {
          properties.putIfAbsent(
              BACKEND + "directory.root", indexDir.toAbsolutePath().normalize().toString());
        }
      }
      case "elasticsearch" -> {
        properties.putIfAbsent(BACKEND + "uris", uris);
        if (username != null && !username.isBlank()) {
          properties.putIfAbsent(BACKEND + "username", username);
          properties.putIfAbsent(BACKEND + "password", password == null ? "" : password);
        }
        if (version != null && !version.isBlank()) {
          // A known version spares the start-up version check (needed where it is forbidden).
          properties.putIfAbsent(BACKEND + "version", version);
          properties.putIfAbsent(BACKEND + "version_check.enabled", "false");
        }
      }
      default ->
          throw new IllegalStateException(
              "guildhall.search.backend must be lucene or elasticsearch, not " + backend);
    }
  }
}

package org.guildhall.content.internal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hibernate Search's backend from {@code guildhall.search.*}: an embedded Lucene index in {@code
 * guildhall.search.index-dir} (default {@code ./data/index}), or with {@code
 * guildhall.search.backend=elasticsearch} an Elasticsearch or OpenSearch cluster at {@code
 * guildhall.search.uris}. Only the chosen backend's settings are passed on, and any {@code
 * spring.jpa.properties.hibernate.search.*} setting wins over them (tests keep the index in memory
 * with {@code backend.directory.type: local-heap}). See docs/search.md.
 */
@Configuration(proxyBeanMethods = false)
class SearchConfig {

  static final String PREFIX = "hibernate.search.";

  /** The Lucene version analysis behaves as; the index format is the library's own. */
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
    String type = backend == null ? "lucene" : backend.strip().toLowerCase(Locale.ROOT);
    switch (type) {
      case "lucene" -> {
        properties.putIfAbsent(PREFIX + "backend.type", "lucene");
        properties.putIfAbsent(PREFIX + "backend.lucene_version", LUCENE_VERSION);
        properties.putIfAbsent(
            PREFIX + "backend.analysis.configurer",
            "class:" + ContentSearchAnalysis.Lucene.class.getName());
        Object directory =
            properties.getOrDefault(PREFIX + "backend.directory.type", "local-filesystem");
        if ("local-filesystem".equals(directory)) {
          properties.putIfAbsent(
              PREFIX + "backend.directory.root", indexDir.toAbsolutePath().normalize().toString());
        }
      }
      case "elasticsearch", "opensearch" -> {
        properties.putIfAbsent(PREFIX + "backend.type", "elasticsearch");
        properties.putIfAbsent(
            PREFIX + "backend.analysis.configurer",
            "class:" + ContentSearchAnalysis.Elasticsearch.class.getName());
        properties.putIfAbsent(PREFIX + "backend.uris", uris);
        if (username != null && !username.isBlank()) {
          properties.putIfAbsent(PREFIX + "backend.username", username);
          properties.putIfAbsent(PREFIX + "backend.password", password == null ? "" : password);
        }
        if (version != null && !version.isBlank()) {
          // A known version spares the start-up version check (needed where it is forbidden).
          properties.putIfAbsent(PREFIX + "backend.version", version);
          properties.putIfAbsent(PREFIX + "backend.version_check.enabled", "false");
        }
      }
      default ->
          throw new IllegalStateException(
              "guildhall.search.backend must be lucene or elasticsearch, not " + backend);
    }
  }
}

package org.guildhall.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * guildhall.search.* becomes the chosen backend's own Hibernate Search settings, and only those.
 */
class SearchConfigTests {

  Map<String, Object> configure(Map<String, Object> given, String backend, String version) {
    Map<String, Object> properties = new HashMap<>(given);
    SearchConfig.configure(
        properties, backend, Path.of("data/index"), "https://search:9200", "gh", "pw", version);
    return properties;
  }

  @Test
  void luceneKeepsItsIndexInTheIndexDirectory() {
    Map<String, Object> p = configure(Map.of(), "lucene", "");

    assertThat(p)
        .containsEntry(
            "hibernate.search.backend.directory.root",
            Path.of("data/index").toAbsolutePath().toString())
        .containsEntry("hibernate.search.backend.lucene_version", "9.12.3")
        .doesNotContainKey("hibernate.search.backend.uris");
  }

  @Test
  void explicitSettingsWinAndAnIndexInMemoryNeedsNoDirectory() {
    Map<String, Object> p =
        configure(Map.of("hibernate.search.backend.directory.type", "local-heap"), "lucene", "");

    assertThat(p)
        .containsEntry("hibernate.search.backend.directory.type", "local-heap")
        .doesNotContainKey("hibernate.search.backend.directory.root");
  }

  @Test
  void elasticsearchWithCredentialsAndAKnownVersion() {
    Map<String, Object> p = configure(Map.of(), "Elasticsearch", "opensearch:2.19");

    assertThat(p)
        .containsEntry("hibernate.search.backend.uris", "https://search:9200")
        .containsEntry("hibernate.search.backend.username", "gh")
        .containsEntry("hibernate.search.backend.password", "pw")
        .containsEntry("hibernate.search.backend.version", "opensearch:2.19")
        .containsEntry("hibernate.search.backend.version_check.enabled", "false")
        .doesNotContainKey("hibernate.search.backend.directory.root")
        .doesNotContainKey("hibernate.search.backend.lucene_version");
  }

  @Test
  void refusesAnUnknownBackend() {
    assertThatThrownBy(() -> configure(Map.of(), "solr", ""))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("solr");
  }
}

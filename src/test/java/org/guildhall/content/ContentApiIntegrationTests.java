package org.guildhall.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.guildhall.support.Browser;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Content over JSON answers for the caller with the same policy as the pages: a visitor gets a
 * Premium article's preview and the ways in, a Premium member the whole body; everything is in the
 * OpenAPI document.
 */
@WebIntegrationTest
class ContentApiIntegrationTests {

  @LocalServerPort int port;
  static final java.util.Map<String, String> JSON = java.util.Map.of("Accept", "application/json");
  final JsonMapper json = JsonMapper.builder().build();

  @Test
  void theCatalogIsPagedByKeyForAVisitor() {
    JsonNode page =
        json.readTree(new Browser(port).get("/api/v1/catalog?kind=course&size=2", JSON).body());
    assertThat(page.get("items")).hasSize(2);
    assertThat(page.get("items").get(0).get("kind").asString()).isEqualTo("course");
    assertThat(page.get("next").asString()).isNotBlank();
  }

  @Test
  void aPremiumArticleIsAPreviewWithWaysInForAVisitorAndWholeForPremium() {
    JsonNode visitor =
        json.readTree(
            new Browser(port).get("/api/v1/items/article/conversion-details", JSON).body());
    assertThat(visitor.get("preview").asBoolean()).isTrue();
    assertThat(visitor.get("access").get("allowed").asBoolean()).isFalse();
    assertThat(visitor.get("access").get("waysIn")).isNotEmpty();
    assertThat(visitor.get("bodyHtml").asString()).contains("试看要给够").doesNotContain("价格要讲清楚");

    Browser premium = new Browser(port);
    premium.signIn("premium@guildhall.demo", "guildhall-demo");
    JsonNode member =
        json.readTree(premium.get("/api/v1/items/article/conversion-details", JSON).body());
    assertThat(member.get("preview").asBoolean()).isFalse();
    assertThat(member.get("access").get("reason").asString()).isEqualTo("TIER");
    assertThat(member.get("bodyHtml").asString()).contains("价格要讲清楚");
  }

  @Test
  void anUnknownKindIsAProblemWithTheField() {
    var answer = new Browser(port).get("/api/v1/catalog?kind=podcast", JSON);
    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.header("Content-Type").orElse("")).contains("application/problem+json");
    assertThat(answer.body()).contains("\"kind\"");
  }

  @Test
  void catalogItemLessonProgressSearchAndAuthoringAreDocumented() {
    String docs = new Browser(port).get("/api/docs/openapi.json", JSON).body();
    assertThat(docs)
        .contains("/api/v1/catalog")
        .contains("/api/v1/items/{kind}/{slug}")
        .contains("/api/v1/courses/{slug}/lessons/{lessonId}")
        .contains("/api/v1/learning")
        .contains("/api/v1/lessons/{lessonId}/position")
        .contains("/api/v1/search")
        .contains("/api/v1/studio/items")
        .contains("/api/v1/media");
  }
}

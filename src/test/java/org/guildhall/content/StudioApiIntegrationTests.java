package org.guildhall.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.guildhall.support.MutableClock;
import org.guildhall.support.People.Person;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authoring API: create, read, update (optimistic), submit, approve and reject, sections,
 * lessons and revisions; every refusal an RFC 9457 problem with the offending fields.
 */
@WebIntegrationTest
class StudioApiIntegrationTests {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired JsonMapper json;
  @Autowired MutableClock clock;

  StudioFixtures fixtures;
  Person expert;
  String token;

  @BeforeEach
  void expert() {
    fixtures = new StudioFixtures(context, port);
    expert = fixtures.expert();
    token = fixtures.token(expert);
  }

  JsonNode read(HttpResponse<String> response) {
    return json.readTree(response.body());
  }

  static void assertProblem(HttpResponse<String> response, int status, String type) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(response.body()).contains("\"type\":\"" + type + "\"");
  }

  List<String> fields(HttpResponse<String> response) {
    List<String> fields = new ArrayList<>();
    read(response).get("errors").forEach(e -> fields.add(e.get("field").asString()));
    return fields;
  }

  UUID create(String title) {
    HttpResponse<String> created =
        fixtures.api(
            "POST",
            "/api/v1/studio/items",
            token,
            "{\"kind\": \"article\", \"title\": \"" + title + "\", \"bodyMd\": \"Hello.\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return UUID.fromString(read(created).get("id").asString());
  }

  @Test
  void badInputIsAProblemWithEveryFieldAndStoresNothing() {
    long before = fixtures.count("SELECT COUNT(*) FROM content_item");
    HttpResponse<String> bad =
        fixtures.api(
            "POST",
            "/api/v1/studio/items",
            token,
            "{\"kind\": \"article\", \"title\": \" \", \"slug\": \"Bad Slug\", \"lang\": \"fr\","
                + " \"access\": \"PURCHASE\", \"priceMinor\": 0, \"minTierRank\": -1,"
                + " \"tags\": [\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\"],"
                + " \"mediaId\": \""
                + UUID.randomUUID()
                + "\"}");
    assertProblem(bad, 422, "/problems/validation");
    assertThat(fields(bad))
        .contains("title", "slug", "lang", "priceMinor", "minTierRank", "tags", "mediaId");
    assertThat(bad.body()).contains("Choose one of your own uploads.");
    assertThat(fixtures.count("SELECT COUNT(*) FROM content_item")).isEqualTo(before);

    HttpResponse<String> kind =
        fixtures.api(
            "POST", "/api/v1/studio/items", token, "{\"kind\": \"podcast\", \"title\": \"x\"}");
    assertProblem(kind, 422, "/problems/validation");
    assertThat(fields(kind)).containsExactly("kind");

    assertProblem(
        fixtures.api("POST", "/api/v1/studio/items", token, "{\"kind\": "),
        400,
        "/problems/malformed-request");
    assertThat(fixtures.count("SELECT COUNT(*) FROM content_item")).isEqualTo(before);
  }

  @Test
  void anExpertCreatesUpdatesAndSubmitsAndTheOwnerApproves() {
    HttpResponse<String> created =
        fixtures.api(
            "POST",
            "/api/v1/studio/items",
            token,
            "{\"kind\": \"course\", \"title\": \"API course\", \"bodyMd\": \"Free.\\n\\n<!--more-->\\n\\nPaid.\","
                + " \"access\": \"PURCHASE\", \"priceMinor\": 9900, \"minTierRank\": 2,"
                + " \"tags\": [\"api\", \"studio\"], \"note\": \"first\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode item = read(created);
    UUID id = UUID.fromString(item.get("id").asString());
    assertThat(created.headers().firstValue("Location").orElseThrow())
        .endsWith("/api/v1/studio/items/" + id);
    assertThat(item.get("status").asString()).isEqualTo("DRAFT");
    assertThat(item.get("priceMinor").asLong()).isEqualTo(9900);
    assertThat(item.get("currency").asString()).isEqualTo("CNY");
    assertThat(item.get("url").asString()).startsWith("/courses/");
    long version = item.get("version").asLong();

    String update =
        "{\"title\": \"API course, better\", \"bodyMd\": \"Free, better.\", \"access\": \"PUBLIC\","
            + " \"version\": %d}";
    HttpResponse<String> stale =
        fixtures.api("PUT", "/api/v1/studio/items/" + id, token, update.formatted(version - 1));
    assertProblem(stale, 409, "/problems/content.error.stale");
    HttpResponse<String> updated =
        fixtures.api("PUT", "/api/v1/studio/items/" + id, token, update.formatted(version));
    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
    assertThat(read(updated).get("title").asString()).isEqualTo("API course, better");
    assertThat(read(updated).get("version").asLong()).isGreaterThan(version);
    assertThat(read(updated).path("priceMinor").asLong(0)).isZero();

    // the outline
    HttpResponse<String> section =
        fixtures.api(
            "POST", "/api/v1/studio/items/" + id + "/sections", token, "{\"title\": \"Week 1\"}");
    assertThat(section.statusCode()).isEqualTo(201);
    String sectionId = read(section).get("id").asString();
    HttpResponse<String> noMedia =
        fixtures.api(
            "POST",
            "/api/v1/studio/items/" + id + "/sections/" + sectionId + "/lessons",
            token,
            "{\"title\": \"A video\", \"kind\": \"VIDEO\"}");
    assertProblem(noMedia, 422, "/problems/validation");
    assertThat(fields(noMedia)).containsExactly("mediaId");
    HttpResponse<String> lesson =
        fixtures.api(
            "POST",
            "/api/v1/studio/items/" + id + "/sections/" + sectionId + "/lessons",
            token,
            "{\"title\": \"Read me\", \"bodyMd\": \"Text.\", \"dripDays\": 3, \"preview\": true}");
    assertThat(lesson.statusCode()).as(lesson.body()).isEqualTo(201);
    JsonNode l = read(lesson);
    assertThat(l.get("dripDays").asInt()).isEqualTo(3);
    HttpResponse<String> lessonUpdate =
        fixtures.api(
            "PUT",
            "/api/v1/studio/lessons/" + l.get("id").asString(),
            token,
            "{\"title\": \"Read me first\", \"bodyMd\": \"Text, longer.\", \"version\": "
                + l.get("version").asLong()
                + "}");
    assertThat(lessonUpdate.statusCode()).as(lessonUpdate.body()).isEqualTo(200);
    assertThat(read(lessonUpdate).get("title").asString()).isEqualTo("Read me first");
    assertThat(read(lessonUpdate).get("dripDays").asInt()).isZero();
    assertThat(
            read(fixtures.api("GET", "/api/v1/studio/items/" + id + "/outline", token, null))
                .get("sections")
                .get(0)
                .get("lessons")
                .get(0)
                .get("title")
                .asString())
        .isEqualTo("Read me first");

    HttpResponse<String> submitted =
        fixtures.api("POST", "/api/v1/studio/items/" + id + "/submit", token, null);
    assertThat(submitted.statusCode()).isEqualTo(200);
    assertThat(read(submitted).get("status").asString()).isEqualTo("IN_REVIEW");
    HttpResponse<String> again =
        fixtures.api("POST", "/api/v1/studio/items/" + id + "/submit", token, null);
    assertProblem(again, 409, "/problems/content.error.not-draft");
    assertThat(read(again).get("detail").asString())
        .isEqualTo("Only a draft can be sent for review.");

    // an expert does not approve
    assertProblem(
        fixtures.api("POST", "/api/v1/studio/items/" + id + "/approve", token, "{}"),
        403,
        "/problems/content.error.owner-only");

    String owner = fixtures.token(fixtures.owner());
    assertThat(
            read(fixtures.api("GET", "/api/v1/studio/review?size=100", owner, null))
                .get("items")
                .toString())
        .contains(id.toString());
    HttpResponse<String> past =
        fixtures.api(
            "POST",
            "/api/v1/studio/items/" + id + "/approve",
            owner,
            "{\"at\": \"" + clock.instant().minus(Duration.ofHours(1)) + "\"}");
    assertProblem(past, 422, "/problems/validation");
    assertThat(fields(past)).containsExactly("at");
    HttpResponse<String> scheduled =
        fixtures.api(
            "POST",
            "/api/v1/studio/items/" + id + "/approve",
            owner,
            "{\"at\": \"" + clock.instant().plus(Duration.ofDays(1)) + "\"}");
    assertThat(read(scheduled).get("status").asString()).isEqualTo("SCHEDULED");
    assertThat(
            read(fixtures.api("POST", "/api/v1/studio/items/" + id + "/reopen", token, null))
                .get("status")
                .asString())
        .isEqualTo("DRAFT");
    fixtures.api("POST", "/api/v1/studio/items/" + id + "/submit", token, null);
    HttpResponse<String> published =
        fixtures.api("POST", "/api/v1/studio/items/" + id + "/approve", owner, null);
    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    assertThat(read(published).get("status").asString()).isEqualTo("PUBLISHED");
    assertThat(read(published).path("publishedAt").asString("")).isNotEmpty();
  }

  @Test
  void theOwnerRejectsWithANoteAndRevisionsAreRestoredOverTheApi() {
    UUID id = create("Rejected " + UUID.randomUUID());
    fixtures.api("POST", "/api/v1/studio/items/" + id + "/submit", token, null);
    String owner = fixtures.token(fixtures.owner());
    HttpResponse<String> noNote =
        fixtures.api("POST", "/api/v1/studio/items/" + id + "/reject", owner, "{\"note\": \"\"}");
    assertProblem(noNote, 422, "/problems/validation");
    assertThat(fields(noNote)).containsExactly("note");
    HttpResponse<String> rejected =
        fixtures.api(
            "POST",
            "/api/v1/studio/items/" + id + "/reject",
            owner,
            "{\"note\": \"More examples.\"}");
    assertThat(read(rejected).get("status").asString()).isEqualTo("DRAFT");
    assertThat(
            read(fixtures.api("GET", "/api/v1/studio/items/" + id, token, null))
                .get("reviewNote")
                .asString())
        .isEqualTo("More examples.");

    fixtures.api(
        "PUT",
        "/api/v1/studio/items/" + id,
        token,
        "{\"title\": \"Rejected, fixed\", \"bodyMd\": \"Hello, with examples.\"}");
    JsonNode revisions =
        read(fixtures.api("GET", "/api/v1/studio/items/" + id + "/revisions", token, null))
            .get("items");
    assertThat(revisions.size()).isEqualTo(2);
    assertThat(revisions.get(0).get("number").asInt()).isEqualTo(2);
    String first = revisions.get(1).get("id").asString();
    // The same list one revision per page, by key.
    JsonNode page1 =
        read(fixtures.api("GET", "/api/v1/studio/items/" + id + "/revisions?size=1", token, null));
    assertThat(page1.get("items").get(0).get("number").asInt()).isEqualTo(2);
    JsonNode page2 =
        read(
            fixtures.api(
                "GET",
                "/api/v1/studio/items/"
                    + id
                    + "/revisions?size=1&after="
                    + page1.get("next").asString(),
                token,
                null));
    assertThat(page2.get("items").get(0).get("id").asString()).isEqualTo(first);
    assertThat(page2.has("next")).isFalse();
    JsonNode diff =
        read(
            fixtures.api("GET", "/api/v1/studio/items/" + id + "/revisions/" + first, token, null));
    assertThat(diff.get("lines").toString()).contains("REMOVED").contains("ADDED");
    JsonNode restored =
        read(
            fixtures.api(
                "POST",
                "/api/v1/studio/items/" + id + "/revisions/" + first + "/restore",
                token,
                null));
    assertThat(restored.get("changed").asBoolean()).isTrue();
    assertThat(
            read(fixtures.api("GET", "/api/v1/studio/items/" + id, token, null))
                .get("bodyMd")
                .asString())
        .isEqualTo("Hello.");
  }

  @Test
  void theApiIsForAuthorsAndEachForTheirOwnItems() {
    UUID id = create("Private " + UUID.randomUUID());
    String other = fixtures.token(fixtures.expert());
    assertProblem(
        fixtures.api("GET", "/api/v1/studio/items/" + id, other, null),
        403,
        "/problems/content.error.not-yours");
    assertProblem(
        fixtures.api("PUT", "/api/v1/studio/items/" + id, other, "{\"title\": \"Mine now\"}"),
        403,
        "/problems/content.error.not-yours");
    assertThat(
            read(fixtures.api("GET", "/api/v1/studio/items?size=100", other, null))
                .get("items")
                .toString())
        .doesNotContain(id.toString());
    assertThat(
            read(fixtures.api("GET", "/api/v1/studio/items?size=100", token, null))
                .get("items")
                .toString())
        .contains(id.toString());

    String member = fixtures.token(fixtures.member());
    assertThat(fixtures.api("GET", "/api/v1/studio/items", member, null).statusCode())
        .isEqualTo(403);
    assertThat(fixtures.api("GET", "/api/v1/studio/items", null, null).statusCode()).isEqualTo(401);
    assertProblem(
        fixtures.api("GET", "/api/v1/studio/review", token, null),
        403,
        "/problems/content.error.owner-only");
  }

  @Test
  void theOpenApiDocumentDescribesTheAuthoringApi() {
    HttpResponse<String> doc = fixtures.api("GET", "/api/docs/openapi.json", null, null);
    assertThat(doc.statusCode()).isEqualTo(200);
    assertThat(doc.body())
        .contains("\"/api/v1/studio/items\"")
        .contains("\"/api/v1/studio/items/{id}/approve\"")
        .contains("\"/api/v1/studio/items/{id}/revisions/{revisionId}/restore\"")
        .contains("\"/api/v1/studio/lessons/{id}\"")
        .contains("\"Studio\"");
  }
}

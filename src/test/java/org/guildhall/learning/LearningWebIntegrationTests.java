package org.guildhall.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.content.ContentAccess;
import org.guildhall.content.ContentApi;
import org.guildhall.content.LearnerProgress;
import org.guildhall.identity.IdentityApi;
import org.guildhall.learning.Courses.Course;
import org.guildhall.support.Browser;
import org.guildhall.support.Browser.Page;
import org.guildhall.support.People;
import org.guildhall.support.SqlCounter;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The learner's pages, buttons, player endpoint, public certificates and the JSON API. */
@WebIntegrationTest
class LearningWebIntegrationTests {

  @LocalServerPort int port;
  @Autowired LearningApi learning;
  @Autowired LearnerProgress progress;
  @Autowired ContentApi content;
  @Autowired IdentityApi identity;
  @Autowired SqlCounter sql;
  @Autowired JsonMapper json;

  UUID owner;

  @BeforeEach
  void owner() {
    owner = Courses.owner(identity);
  }

  record Learner(People.Person person, Browser browser) {
    UUID id() {
      return person.id();
    }
  }

  Learner signedIn() {
    People.Person person = People.provision(identity, "lw");
    Browser browser = new Browser(port);
    assertThat(browser.signIn(person.email(), People.PASSWORD).status()).isEqualTo(302);
    browser.get("/learning"); // a page with a CSRF token for the forms below
    return new Learner(person, browser);
  }

  static Map<String, String> htmx() {
    return Map.of("HX-Request", "true");
  }

  @Test
  void myLearningNeedsASignedInAccountAndShowsARealEmptyState() {
    assertThat(new Browser(port).get("/learning").location()).endsWith("/login");
    Learner learner = signedIn();
    Page page = learner.browser().get("/learning");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("data-testid=\"learning-empty\"")
        .contains("href=\"/courses\"");
  }

  @Test
  void myLearningShowsProgressWithContinueButtonsAndCertificates() {
    Course started = Courses.open(content, owner, 4);
    Course finished = Courses.open(content, owner, 1);
    Learner learner = signedIn();
    learning.complete(learner.id(), started.lesson(0));
    learning.complete(learner.id(), finished.lesson(0));
    String code = learning.myLearning(learner.id()).completed().get(0).certificateCode();

    String body = learner.browser().get("/learning").body();
    assertThat(body)
        .contains(started.title())
        .contains("<progress class=\"progress\" max=\"100\" value=\"25\"")
        .contains("href=\"/courses/" + started.slug() + "/lessons/" + started.lesson(1) + "\"")
        .contains(finished.title())
        .contains("href=\"/certificates/" + code + "\"");
  }

  @Test
  void myLearningRunsAsManyStatementsForSixCoursesAsForTwo() {
    Learner learner = signedIn();
    for (int i = 0; i < 2; i++) {
      Course c = Courses.open(content, owner, 3);
      learning.complete(learner.id(), c.lesson(i % 3));
    }
    statements(learner.browser(), "/learning");
    List<String> two = dataStatements();
    for (int i = 0; i < 4; i++) {
      Course c = Courses.open(content, owner, 3);
      learning.savePosition(learner.id(), c.lesson(1), 40);
    }
    int six = statements(learner.browser(), "/learning");
    // Spring Session may re-read the session once more when a larger page commits the response
    // early; the data statements are what must not grow with the courses
    List<String> sixStatements = dataStatements();
    assertThat(sixStatements).hasSize(two.size()).hasSize(4);
    assertThat(six).isLessThanOrEqualTo(8);
  }

  List<String> dataStatements() {
    return sql.statements().stream().filter(s -> !s.contains("SPRING_SESSION")).toList();
  }

  int statements(Browser browser, String path) {
    browser.get(path);
    sql.reset();
    assertThat(browser.get(path).status()).isEqualTo(200);
    return sql.count();
  }

  @Test
  void enrollingRedirectsBackToTheCoursePageOrSaysWhyNot() {
    Course open = Courses.open(content, owner, 1);
    Course premium =
        Courses.publish(
            content, owner, ContentAccess.MEMBERS, Courses.PREMIUM, null, Courses.lessons(1));
    Learner learner = signedIn();
    Page enrolled = learner.browser().post("/learning/courses/" + open.id() + "/enrol", Map.of());
    assertThat(enrolled.status()).isEqualTo(302);
    assertThat(enrolled.location()).endsWith("/courses/" + open.slug());
    assertThat(progress.of(learner.id(), open.id()).enrolled()).isTrue();

    Page refused = learner.browser().post("/learning/courses/" + premium.id() + "/enrol", Map.of());
    assertThat(refused.location()).endsWith("/courses/" + premium.slug());
    assertThat(progress.of(learner.id(), premium.id()).enrolled()).isFalse();
    assertThat(
            learner
                .browser()
                .post("/learning/courses/" + UUID.randomUUID() + "/enrol", Map.of())
                .status())
        .isEqualTo(404);
  }

  @Test
  void markingCompleteWithHtmxSwapsTheButtonAndLinksTheCertificateAtTheEnd() {
    Course course = Courses.open(content, owner, 2);
    Learner learner = signedIn();
    Page first =
        learner
            .browser()
            .post("/learning/lessons/" + course.lesson(0) + "/complete", Map.of(), htmx());
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body())
        .startsWith("<div class=\"lesson-complete\"")
        .doesNotContain("<html")
        .contains("data-testid=\"lesson-completed\"")
        .contains("/learning/lessons/" + course.lesson(0) + "/uncomplete")
        .contains("value=\"50\"")
        .doesNotContain("certificate-link");

    Page undone =
        learner
            .browser()
            .post("/learning/lessons/" + course.lesson(0) + "/uncomplete", Map.of(), htmx());
    assertThat(undone.body()).contains("data-testid=\"lesson-complete-button\"");

    learning.complete(learner.id(), course.lesson(0));
    Page last =
        learner
            .browser()
            .post("/learning/lessons/" + course.lesson(1) + "/complete", Map.of(), htmx());
    String code = progress.of(learner.id(), course.id()).certificateCode();
    assertThat(code).isNotNull();
    assertThat(last.body())
        .contains("data-testid=\"course-completed\"")
        .contains("href=\"/certificates/" + code + "\"");
  }

  @Test
  void aPlainFormPostGoesBackToTheLessonOrOnToTheCertificate() {
    Course course = Courses.open(content, owner, 2);
    Learner learner = signedIn();
    Page first =
        learner.browser().post("/learning/lessons/" + course.lesson(0) + "/complete", Map.of());
    assertThat(first.location())
        .endsWith("/courses/" + course.slug() + "/lessons/" + course.lesson(0));
    Page last =
        learner.browser().post("/learning/lessons/" + course.lesson(1) + "/complete", Map.of());
    String code = progress.of(learner.id(), course.id()).certificateCode();
    assertThat(last.location()).endsWith("/certificates/" + code);
  }

  @Test
  void thePlayerSavesPositionsWithTheTokenAsAFormField() {
    Course course = Courses.open(content, owner, 2);
    Learner learner = signedIn();
    Page saved =
        learner
            .browser()
            .post("/learning/lessons/" + course.lesson(1) + "/position", Map.of("seconds", "93.7"));
    assertThat(saved.status()).isEqualTo(204);
    assertThat(progress.of(learner.id(), course.id()).positions())
        .containsEntry(course.lesson(1), 93);
    assertThat(
            learner
                .browser()
                .postWithoutCsrf(
                    "/learning/lessons/" + course.lesson(1) + "/position", Map.of("seconds", "5"))
                .status())
        .isEqualTo(403);
    assertThat(
            learner
                .browser()
                .post(
                    "/learning/lessons/" + course.lesson(1) + "/position", Map.of("seconds", "-3"))
                .status())
        .isEqualTo(422);
    assertThat(progress.of(learner.id(), course.id()).positions())
        .containsEntry(course.lesson(1), 93);
  }

  @Test
  void lockedLessonsAnswer403OnThePageEndpoints() {
    Course premium =
        Courses.publish(
            content, owner, ContentAccess.MEMBERS, Courses.PREMIUM, null, Courses.lessons(2));
    Learner learner = signedIn();
    assertThat(
            learner
                .browser()
                .post("/learning/lessons/" + premium.lesson(0) + "/complete", Map.of())
                .status())
        .isEqualTo(403);
    assertThat(
            learner
                .browser()
                .post(
                    "/learning/lessons/" + premium.lesson(0) + "/position", Map.of("seconds", "10"))
                .status())
        .isEqualTo(403);
    assertThat(progress.of(learner.id(), premium.id()).completed()).isEmpty();
    assertThat(progress.of(learner.id(), premium.id()).positions()).isEmpty();
  }

  @Test
  void theVerificationPageConfirmsACertificateToAnyoneAndPrintsIt() {
    Course course = Courses.open(content, owner, 1);
    Learner learner = signedIn();
    String code = learning.complete(learner.id(), course.lesson(0)).certificateCode();

    Browser visitor = new Browser(port);
    Page page = visitor.get("/certificates/" + code);
    assertThat(page.status()).isEqualTo(200);
    Certificate certificate = learning.certificate(code).orElseThrow();
    assertThat(page.body())
        .contains("data-testid=\"certificate-verified\"")
        .contains(certificate.memberName())
        .contains(course.title())
        .contains(code)
        .contains("href=\"/certificates/" + code + "/print\"");
    assertThat(page.body()).containsPattern("data-testid=\"certificate-date\">[^<]*\\d");

    Page print = visitor.get("/certificates/" + code + "/print");
    assertThat(print.status()).isEqualTo(200);
    assertThat(print.body())
        .contains("certificate-sheet")
        .contains("data-print")
        .contains(certificate.memberName())
        .contains("<svg")
        .doesNotContain("<script>")
        .doesNotContain("style=");

    assertThat(visitor.get("/certificates/" + code.toLowerCase()).location())
        .endsWith("/certificates/" + code);
    assertThat(visitor.get("/certificates?code=" + code).location())
        .endsWith("/certificates/" + code);
  }

  @Test
  void anUnknownCodeIsA404PageSayingItIsNotACertificate() {
    Page page = new Browser(port).get("/certificates/GH-000000000000");
    assertThat(page.status()).isEqualTo(404);
    assertThat(page.body())
        .contains("data-testid=\"certificate-invalid\"")
        .contains("Not a valid certificate");
    assertThat(new Browser(port).get("/certificates/nonsense%3Cscript%3E").body())
        .doesNotContain("<script>");
    assertThat(new Browser(port).get("/certificates/GH-000000000000/print").status())
        .isEqualTo(404);
    assertThat(new Browser(port).get("/certificates").status()).isEqualTo(200);
  }

  // JSON API

  String token(Learner learner) {
    Optional<String> token = learner.browser().createAccessToken("learning", "");
    assertThat(token).isPresent();
    return token.get();
  }

  HttpResponse<String> api(String method, String path, String token, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theApiCompletesLessonsSavesPositionsAndVerifiesCertificates() throws Exception {
    Course course = Courses.open(content, owner, 2);
    Learner learner = signedIn();
    String token = token(learner);

    HttpResponse<String> first =
        api("POST", "/api/v1/lessons/" + course.lesson(0) + "/complete", token, null);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(json.readTree(first.body()).get("percent").asInt()).isEqualTo(50);

    assertThat(
            api(
                    "PUT",
                    "/api/v1/lessons/" + course.lesson(1) + "/position",
                    token,
                    "{\"seconds\": 75}")
                .statusCode())
        .isEqualTo(204);
    assertThat(progress.of(learner.id(), course.id()).positions())
        .containsEntry(course.lesson(1), 75);
    for (String absurd : List.of("{\"seconds\": -1}", "{\"seconds\": 999999}", "{}")) {
      HttpResponse<String> invalid =
          api("PUT", "/api/v1/lessons/" + course.lesson(1) + "/position", token, absurd);
      assertThat(invalid.statusCode()).isEqualTo(422);
      assertThat(invalid.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      assertThat(json.readTree(invalid.body()).get("errors").get(0).get("field").asText())
          .isEqualTo("seconds");
    }

    JsonNode mine = json.readTree(api("GET", "/api/v1/learning", token, null).body());
    assertThat(mine.get("inProgress").get(0).get("courseId").asText())
        .isEqualTo(course.id().toString());
    assertThat(mine.get("inProgress").get(0).get("nextLessonId").asText())
        .isEqualTo(course.lesson(1).toString());

    JsonNode last =
        json.readTree(
            api("POST", "/api/v1/lessons/" + course.lesson(1) + "/complete", token, null).body());
    assertThat(last.get("courseCompleted").asBoolean()).isTrue();
    String code = last.get("certificateCode").asText();

    HttpResponse<String> verified = api("GET", "/api/v1/certificates/" + code, null, null);
    assertThat(verified.statusCode()).isEqualTo(200);
    assertThat(json.readTree(verified.body()).get("courseTitle").asText())
        .isEqualTo(course.title());
    assertThat(api("GET", "/api/v1/certificates/GH-000000000000", null, null).statusCode())
        .isEqualTo(404);
    assertThat(api("GET", "/api/v1/learning", null, null).statusCode()).isEqualTo(401);

    Course premium =
        Courses.publish(
            content, owner, ContentAccess.MEMBERS, Courses.PREMIUM, null, Courses.lessons(1));
    assertThat(
            api("POST", "/api/v1/lessons/" + premium.lesson(0) + "/complete", token, null)
                .statusCode())
        .isEqualTo(403);
    assertThat(api("POST", "/api/v1/courses/" + premium.id() + "/enrol", token, null).statusCode())
        .isEqualTo(403);
  }
}

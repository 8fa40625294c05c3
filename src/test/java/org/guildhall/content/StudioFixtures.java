package org.guildhall.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.guildhall.identity.IdentityApi;
import org.guildhall.identity.Role;
import org.guildhall.support.Browser;
import org.guildhall.support.People;
import org.guildhall.support.People.Person;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Experts, owners and members signed in, items made through the studio's forms, API calls. */
final class StudioFixtures {

  private static final Pattern ITEM = Pattern.compile("/studio/items/([0-9a-f-]{36})$");
  private static final Pattern LESSON = Pattern.compile("/studio/lessons/([0-9a-f-]{36})$");

  private final ApplicationContext context;
  private final int port;

  StudioFixtures(ApplicationContext context, int port) {
    this.context = context;
    this.port = port;
  }

  Person expert() {
    return People.provision(context.getBean(IdentityApi.class), "ex", Role.EXPERT);
  }

  Person owner() {
    return People.provision(context.getBean(IdentityApi.class), "ow", Role.OWNER);
  }

  Person member() {
    return People.provision(context.getBean(IdentityApi.class), "me");
  }

  Browser browser(Person person) {
    Browser browser = new Browser(port).language("en");
    assertThat(browser.signIn(person.email(), People.PASSWORD).status()).isEqualTo(302);
    return browser;
  }

  /** Every field of an item's form, for a public draft with this title and text. */
  static Map<String, String> form(String title, String body) {
    Map<String, String> form = new HashMap<>();
    form.put("title", title);
    form.put("slug", "");
    form.put("lang", "en");
    form.put("excerpt", "");
    form.put("bodyMd", body);
    form.put("categorySlug", "");
    form.put("tags", "");
    form.put("coverMediaId", "");
    form.put("access", "PUBLIC");
    form.put("tierRank", "1");
    form.put("includedRank", "0");
    form.put("price", "");
    form.put("note", "");
    form.put("action", "save");
    return form;
  }

  /** Creates an item through the "new" form; its id. */
  UUID create(Browser browser, String kind, Map<String, String> form) {
    assertThat(browser.get("/studio/items/new?kind=" + kind).status()).isEqualTo(200);
    Map<String, String> all = new HashMap<>(form);
    all.put("kind", kind.toUpperCase());
    Browser.Page created = browser.post("/studio/items", all);
    assertThat(created.status()).as(created.body()).isEqualTo(302);
    Matcher m = ITEM.matcher(created.location());
    assertThat(m.find()).as(created.location()).isTrue();
    return UUID.fromString(m.group(1));
  }

  /** Opens the item's editor and posts the form with the version it shows. */
  Browser.Page save(Browser browser, UUID id, Map<String, String> form) {
    Browser.Page page = browser.get("/studio/items/" + id);
    assertThat(page.status()).isEqualTo(200);
    Map<String, String> all = new HashMap<>(form);
    all.putIfAbsent("version", Long.toString(version(id)));
    return browser.post("/studio/items/" + id, all);
  }

  static UUID lessonIn(Browser.Page created) {
    Matcher m = LESSON.matcher(created.location());
    assertThat(m.find()).as(created.location()).isTrue();
    return UUID.fromString(m.group(1));
  }

  JdbcClient jdbc() {
    return context.getBean(JdbcClient.class);
  }

  long version(UUID itemId) {
    return jdbc()
        .sql("SELECT version FROM content_item WHERE id = ?")
        .param(itemId)
        .query(Long.class)
        .single();
  }

  String status(UUID itemId) {
    return jdbc()
        .sql("SELECT status FROM content_item WHERE id = ?")
        .param(itemId)
        .query(String.class)
        .single();
  }

  long count(String sql, Object... params) {
    return jdbc().sql(sql).params(params).query(Long.class).single();
  }

  String token(Person person) {
    Browser browser = new Browser(port);
    browser.signIn(person.email(), People.PASSWORD);
    Optional<String> token =
        browser.createAccessToken("t" + UUID.randomUUID().toString().substring(0, 8), "");
    assertThat(token).isPresent();
    return token.get();
  }

  HttpResponse<String> api(String method, String path, String token, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "application/json")
            .header("Accept-Language", "en");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (json != null) {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

package org.guildhall.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.guildhall.identity.IdentityApi;
import org.guildhall.identity.Role;
import org.guildhall.support.Browser;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The keyset paging envelope over the API, walked to the end. */
@WebIntegrationTest
class AdminMembersApiTests {

  @LocalServerPort int port;
  @Autowired IdentityApi identity;
  @Autowired JsonMapper json;

  String token(String email, String password) {
    Browser browser = new Browser(port);
    browser.signIn(email, password);
    Optional<String> token = browser.createAccessToken("paging", "");
    assertThat(token).isPresent();
    return token.get();
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void pagesThroughMembersByKeyWithoutGapsOrRepeats() throws Exception {
    String tag = "kp" + UUID.randomUUID().toString().substring(0, 6);
    for (int i = 0; i < 23; i++) {
      identity.provision(
          tag + i + "@example.com",
          "paging pass phrase",
          "KP " + i,
          tag + i,
          Set.of(Role.MEMBER),
          "en");
    }
    String owner = token("owner@guildhall.demo", "guildhall-demo");
    List<String> seen = new ArrayList<>();
    String after = null;
    int pages = 0;
    do {
      HttpResponse<String> response =
          get(
              "/api/v1/admin/members?q="
                  + tag
                  + "&size=10"
                  + (after == null ? "" : "&after=" + after),
              owner);
      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode page = json.readTree(response.body());
      page.get("items").forEach(item -> seen.add(item.get("email").asText()));
      after = page.hasNonNull("next") ? page.get("next").asText() : null;
      pages++;
    } while (after != null);
    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(23).doesNotHaveDuplicates();

    HttpResponse<String> badSize = get("/api/v1/admin/members?size=1000", owner);
    assertThat(badSize.statusCode()).isEqualTo(422);
    assertThat(json.readTree(badSize.body()).get("errors").get(0).get("field").asText())
        .isEqualTo("size");

    String member = token(tag + "0@example.com", "paging pass phrase");
    assertThat(get("/api/v1/admin/members", member).statusCode()).isEqualTo(403);
  }
}

package org.guildhall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.guildhall.support.ApiClient;
import org.guildhall.support.ApiClient.Response;
import org.guildhall.support.Browser;
import org.guildhall.support.People;
import org.guildhall.support.People.Person;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Personal access tokens end to end: created on the settings page and shown once, stored only as a
 * hash, last use recorded, refused once revoked, expired or when the account is banned, never
 * usable on someone else's behalf; and the avatar over the API with a token.
 */
@WebIntegrationTest
class AccessTokensIntegrationTests {

  @LocalServerPort int port;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired IdentityApi identity;
  @Autowired Clock clock;

  ApiClient api(String token) {
    return new ApiClient(port, json).header("Accept-Language", "en").token(token);
  }

  AccountId owner() {
    return identity.search("owner@guildhall.demo", null, null, 1).items().get(0).id();
  }

  UUID tokenId(Person person, String name) {
    return jdbc.sql("SELECT id FROM access_token WHERE account_id = ? AND name = ?")
        .param(person.id())
        .param(name)
        .query(UUID.class)
        .single();
  }

  @Test
  void aTokenIsShownOnceStoredHashedAndRecordsItsLastUse() {
    Person member = People.provision(identity, "tok");
    Browser browser = new Browser(port);
    browser.signIn(member.email(), People.PASSWORD);
    String secret = browser.createAccessToken("backup script", "30").orElseThrow();
    assertThat(secret).startsWith("gh_").hasSizeGreaterThan(40);

    Browser.Page list = browser.get("/settings/tokens");
    assertThat(list.body()).contains("backup script").doesNotContain(secret);
    assertThat(browser.createAccessToken("x", "0")).as("validity of 0 days refused").isEmpty();

    Map<String, Object> row =
        jdbc.sql("SELECT * FROM access_token WHERE account_id = ? AND name = 'backup script'")
            .param(member.id())
            .query()
            .singleRow();
    assertThat(row.values())
        .as("no column holds the secret or a large part of it")
        .allSatisfy(
            value ->
                assertThat(String.valueOf(value))
                    .doesNotContain(secret)
                    .doesNotContain(secret.substring(3, 20)));
    assertThat(row.get("last_used_at")).isNull();
    assertThat(row.get("expires_at")).isNotNull();

    Response me = api(secret).get("/api/v1/me");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("email").asString()).isEqualTo(member.email());
    assertThat(
            jdbc.sql("SELECT last_used_at FROM access_token WHERE id = ?")
                .param(tokenId(member, "backup script"))
                .query(OffsetDateTime.class)
                .optional())
        .as("the last use is recorded")
        .isPresent();
    assertThat(browser.get("/settings/tokens").body()).doesNotContain("<td>—</td>");
  }

  @Test
  void aTokenWritesWithoutCsrfAndOnlyForItsOwnAccount() {
    Person member = People.provision(identity, "tok");
    Person other = People.provision(identity, "tok");
    Browser browser = new Browser(port);
    browser.signIn(member.email(), People.PASSWORD);
    String secret = browser.createAccessToken("writer", "").orElseThrow();

    Response patched =
        api(secret).json("PATCH", "/api/v1/me/profile", "{\"bio\":\"from a script\"}");
    assertThat(patched.status()).as("no CSRF token needed with a bearer token").isEqualTo(200);
    assertThat(patched.json().get("bio").asString()).isEqualTo("from a script");
    assertThat(patched.json().get("email").asString()).isEqualTo(member.email());

    Browser intruder = new Browser(port);
    intruder.signIn(other.email(), People.PASSWORD);
    intruder.get("/settings/tokens");
    Browser.Page revoke =
        intruder.post("/settings/tokens/" + tokenId(member, "writer") + "/revoke", Map.of());
    assertThat(revoke.status()).as("someone else's token is not found").isEqualTo(404);
    assertThat(api(secret).get("/api/v1/me").status()).isEqualTo(200);
  }

  @Test
  void aRevokedOrExpiredTokenOrABannedAccountIsRefused() {
    Person member = People.provision(identity, "tok");
    Browser browser = new Browser(port);
    browser.signIn(member.email(), People.PASSWORD);
    String revoked = browser.createAccessToken("to revoke", "").orElseThrow();
    String expiring = browser.createAccessToken("to expire", "1").orElseThrow();
    String banned = browser.createAccessToken("to ban", "").orElseThrow();
    for (String token : List.of(revoked, expiring, banned)) {
      assertThat(api(token).get("/api/v1/me").status()).isEqualTo(200);
    }

    browser.get("/settings/tokens");
    browser.post("/settings/tokens/" + tokenId(member, "to revoke") + "/revoke", Map.of());
    assertThat(api(revoked).get("/api/v1/me").status()).isEqualTo(401);
    assertThat(browser.get("/settings/tokens").body()).contains("to revoke");

    jdbc.sql("UPDATE access_token SET expires_at = ? WHERE id = ?")
        .param(clock.instant().minusSeconds(60).atOffset(ZoneOffset.UTC))
        .param(tokenId(member, "to expire"))
        .update();
    assertThat(api(expiring).get("/api/v1/me").status()).isEqualTo(401);

    identity.ban(owner(), new AccountId(member.id()), "token abuse", null);
    Response refused = api(banned).get("/api/v1/me");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(api(banned).json("PATCH", "/api/v1/me/profile", "{\"bio\":\"x\"}").status())
        .isEqualTo(401);

    // A ban revokes the member's tokens for good: lifting it does not bring them back.
    identity.unban(owner(), new AccountId(member.id()));
    assertThat(api(banned).get("/api/v1/me").status()).isEqualTo(401);
    Browser again = new Browser(port);
    again.signIn(member.email(), People.PASSWORD);
    String fresh = again.createAccessToken("after the ban", "").orElseThrow();
    assertThat(api(fresh).get("/api/v1/me").status()).isEqualTo(200);
  }

  static byte[] png(int width, int height) throws Exception {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, 0xFF3366);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(image, "png", bytes);
    return bytes.toByteArray();
  }

  @Test
  void theAvatarIsReplacedAndRemovedOverTheApiAndBadFilesChangeNothing() throws Exception {
    Person member = People.provision(identity, "ava");
    Browser browser = new Browser(port);
    browser.signIn(member.email(), People.PASSWORD);
    ApiClient api = api(browser.createAccessToken("avatar", "").orElseThrow());

    Response uploaded =
        api.multipart("PUT", "/api/v1/me/avatar", "avatar", "me.png", "image/png", png(300, 200));
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
    String avatarUrl = uploaded.json().get("avatarUrl").asString();
    assertThat(avatarUrl).isNotBlank();
    assertThat(new Browser(port).get(avatarUrl).status()).isEqualTo(200);

    Response notAnImage =
        api.multipart(
            "PUT", "/api/v1/me/avatar", "avatar", "me.png", "image/png", "<svg/>".getBytes());
    assertThat(notAnImage.status()).isEqualTo(415);
    assertThat(notAnImage.json().get("errors").findValuesAsString("field"))
        .containsExactly("avatar");
    Response missing =
        api.multipart("PUT", "/api/v1/me/avatar", "picture", "me.png", "image/png", png(8, 8));
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.json().get("errors").get(0).get("message").asString()).contains("avatar");
    assertThat(api.get("/api/v1/me").json().get("avatarUrl").asString())
        .as("refused uploads change nothing")
        .isEqualTo(avatarUrl);

    Response removed = api.delete("/api/v1/me/avatar");
    assertThat(removed.status()).isEqualTo(200);
    assertThat(removed.json().has("avatarUrl")).isFalse();
  }
}

package org.guildhall.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.guildhall.identity.AccountId;
import org.guildhall.identity.AccountStatus;
import org.guildhall.identity.IdentityApi;
import org.guildhall.identity.IdentityEvents.AccountUnbanned;
import org.guildhall.platform.web.ViewerLookup;
import org.guildhall.support.Browser;
import org.guildhall.support.Browser.Page;
import org.guildhall.support.CapturedEvents;
import org.guildhall.support.MutableClock;
import org.guildhall.support.People;
import org.guildhall.support.People.Person;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "A banned member cannot act anywhere": a ban from the owner's page ends every session (including
 * "keep me signed in") and every personal access token at once, for pages, htmx and the API; and a
 * ban with an end date ends by itself.
 */
@WebIntegrationTest
class BanIntegrationTests {

  @LocalServerPort int port;
  @Autowired IdentityApi identity;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired BanExpiryJob banExpiry;
  @Autowired CapturedEvents events;
  @Autowired ViewerLookup viewers;

  final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  int api(String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "application/json");
    headers.forEach(request::header);
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 400) {
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
    }
    return response.statusCode();
  }

  static String sessionCookie(Browser browser) {
    return "GUILDHALL_SESSION=" + browser.cookie("GUILDHALL_SESSION").orElseThrow();
  }

  Browser owner() {
    Browser owner = new Browser(port);
    owner.signIn("owner@guildhall.demo", "guildhall-demo");
    return owner;
  }

  long count(String sql, Object param) {
    return jdbc.sql(sql).param(param).query(Long.class).single();
  }

  @Test
  void aBanFromTheOwnersPageEndsSessionsRememberMeAndTokensEverywhereAtOnce() throws Exception {
    Person member = People.provision(identity, "ban");
    Browser remembered = new Browser(port);
    remembered.get("/login");
    remembered.post(
        "/login",
        Map.of("email", member.email(), "password", People.PASSWORD, "remember-me", "true"));
    Browser phone = new Browser(port);
    phone.signIn(member.email(), People.PASSWORD);
    String token = phone.createAccessToken("backup script", "").orElseThrow();
    String phoneSession = sessionCookie(phone);
    Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
    assertThat(api("/api/v1/me", bearer)).isEqualTo(200);
    assertThat(api("/api/v1/me", Map.of("Cookie", phoneSession))).isEqualTo(200);
    assertThat(remembered.get("/settings/profile").status()).isEqualTo(200);

    Browser owner = owner();
    owner.get("/admin/users/" + member.id());
    Page banned =
        owner.post(
            "/admin/users/" + member.id() + "/ban",
            Map.of("reason", "Selling answers in the boards", "until", ""));
    assertThat(banned.status()).isEqualTo(302);

    assertThat(remembered.get("/settings/profile").status())
        .as("keep me signed in ends too")
        .isEqualTo(302);
    assertThat(phone.get("/settings/profile").status()).isEqualTo(302);
    Page htmx = phone.get("/settings/profile", Map.of("HX-Request", "true"));
    assertThat(htmx.status()).isEqualTo(401);
    assertThat(htmx.header("HX-Redirect"))
        .hasValueSatisfying(v -> assertThat(v).contains("/login"));
    assertThat(api("/api/v1/me", bearer)).as("the token is revoked").isEqualTo(401);
    assertThat(api("/api/v1/me", Map.of("Cookie", phoneSession))).isEqualTo(401);
    assertThat(
            count(
                "SELECT COUNT(*) FROM spring_session WHERE principal_name = ?",
                member.id().toString()))
        .isZero();
    assertThat(
            count(
                "SELECT COUNT(*) FROM access_token WHERE account_id = ? AND revoked_at IS NULL",
                member.id()))
        .isZero();

    Page signIn = new Browser(port).signIn(member.email(), People.PASSWORD);
    assertThat(signIn.location()).endsWith("/login?error=banned");
    Browser again = new Browser(port);
    again.signIn(member.email(), People.PASSWORD);
    assertThat(again.get("/login?error=banned").body())
        .as("with the right password the member learns why")
        .contains("This account is suspended")
        .contains("Reason: Selling answers in the boards");

    identity.unban(new AccountId(UUID.fromString(ownerId())), new AccountId(member.id()));
    assertThat(api("/api/v1/me", bearer)).as("revoked tokens stay revoked").isEqualTo(401);
    Browser back = new Browser(port);
    assertThat(back.signIn(member.email(), People.PASSWORD).location()).doesNotContain("error");
  }

  String ownerId() {
    return identity.search("owner@guildhall.demo", null, null, 1).items().get(0).id().toString();
  }

  @Test
  void aSessionThatOutlivesItsBanCannotActOnPagesHtmxOrTheApi() throws Exception {
    // As if the ban happened on another instance whose session deletion this one has not seen:
    // three live sessions, then the account turns banned underneath them.
    Person member = People.provision(identity, "ban");
    Browser form = new Browser(port);
    form.signIn(member.email(), People.PASSWORD);
    form.get("/settings/profile");
    Browser htmxPage = new Browser(port);
    htmxPage.signIn(member.email(), People.PASSWORD);
    Browser apiClient = new Browser(port);
    apiClient.signIn(member.email(), People.PASSWORD);
    String session = sessionCookie(apiClient);
    jdbc.sql("UPDATE account SET status = 'BANNED', ban_reason = 'spam' WHERE id = ?")
        .param(member.id())
        .update();
    viewers.evict(member.id());

    Page post =
        form.post(
            "/settings/profile",
            Map.of("displayName", "Changed while suspended", "timeZone", "UTC", "language", "en"));
    assertThat(post.status()).isEqualTo(302);
    assertThat(post.location()).contains("/login");
    assertThat(identity.find(new AccountId(member.id())).orElseThrow().displayName())
        .isNotEqualTo("Changed while suspended");
    Page htmx = htmxPage.get("/settings/profile", Map.of("HX-Request", "true"));
    assertThat(htmx.status()).isEqualTo(401);
    assertThat(htmx.header("HX-Redirect")).isPresent();
    assertThat(api("/api/v1/me", Map.of("Cookie", session))).isEqualTo(401);
    assertThat(
            count(
                "SELECT COUNT(*) FROM spring_session WHERE principal_name = ?",
                member.id().toString()))
        .as("each session was ended on its first request")
        .isZero();
  }

  @Test
  void aBanWithAnEndDateEndsByItself() {
    Person member = People.provision(identity, "ban");
    LocalDate endDay = LocalDate.now(clock).plusDays(2);
    Browser owner = owner();
    owner.get("/admin/users/" + member.id());
    Page banned =
        owner.post(
            "/admin/users/" + member.id() + "/ban",
            Map.of("reason", "Cooling off", "until", endDay.toString()));
    assertThat(banned.status()).isEqualTo(302);
    assertThat(owner.get("/admin/users/" + member.id()).body())
        .contains("data-testid=\"unban\"")
        .contains(String.valueOf(endDay.getDayOfMonth()));
    assertThat(new Browser(port).signIn(member.email(), People.PASSWORD).location())
        .endsWith("error=banned");
    assertThat(banExpiry.runOnce()).as("not due yet").isZero();

    clock.advance(Duration.ofDays(3));

    assertThat(identity.find(new AccountId(member.id())).orElseThrow().status())
        .as("the owner's list shows the ban as over even before the job ran")
        .isEqualTo(AccountStatus.ACTIVE);
    assertThat(new Browser(port).signIn(member.email(), People.PASSWORD).location())
        .as("the member gets in once the end date has come")
        .doesNotContain("error");

    assertThat(banExpiry.runOnce()).isPositive();
    assertThat(
            jdbc.sql("SELECT status FROM account WHERE id = ?")
                .param(member.id())
                .query(String.class)
                .single())
        .isEqualTo("ACTIVE");
    assertThat(
            jdbc.sql("SELECT lifted_at FROM account_ban WHERE account_id = ?")
                .param(member.id())
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant())
        .as("lifted at the end it was given: the start of that day in the owner's time zone")
        .isEqualTo(endDay.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());
    AccountUnbanned unbanned =
        events.await(AccountUnbanned.class, e -> e.accountId().value().equals(member.id()));
    assertThat(unbanned.by()).as("nobody lifted it").isNull();
    assertThat(banExpiry.runOnce()).as("once").isZero();
  }
}

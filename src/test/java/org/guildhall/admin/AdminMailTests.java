package org.guildhall.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.guildhall.identity.AccountId;
import org.guildhall.identity.IdentityApi;
import org.guildhall.identity.IdentityEvents.EmailVerificationRequested;
import org.guildhall.identity.Role;
import org.guildhall.notification.MailOutboxApi;
import org.guildhall.notification.MailOutboxApi.MailView;
import org.guildhall.platform.web.AuthenticatedAccount;
import org.guildhall.platform.web.Flash;
import org.guildhall.support.MutableClock;
import org.guildhall.support.TestClockConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/** The owner's mail outbox pages: who may see them, the list, its htmx fragment, one mail. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
class AdminMailTests {

  @Autowired MockMvc mvc;
  @Autowired IdentityApi identity;
  @Autowired MailOutboxApi outbox;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired MutableClock clock;

  record SignedIn(UUID accountId) implements AuthenticatedAccount {}

  RequestPostProcessor owner;
  RequestPostProcessor member;

  static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  RequestPostProcessor signedIn(Set<Role> roles) {
    String handle = unique("t");
    AccountId id =
        identity.provision(
            handle + "@example.com", "a long pass phrase", "Tester", handle, roles, "en");
    List<SimpleGrantedAuthority> authorities =
        roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    return authentication(
        new UsernamePasswordAuthenticationToken(new SignedIn(id.value()), null, authorities));
  }

  @BeforeEach
  void accounts() {
    owner = signedIn(Set.of(Role.OWNER, Role.MEMBER));
    member = signedIn(Set.of(Role.MEMBER));
  }

  /** A held verification mail to a new address (no SMTP is configured in tests). */
  MailView heldMail() {
    String email = unique("held-") + "@example.com";
    transactions.executeWithoutResult(
        status ->
            events.publishEvent(
                new EmailVerificationRequested(
                    AccountId.random(),
                    email,
                    "Grace <b>Hopper</b>",
                    "en",
                    unique("tok"),
                    clock.instant().plus(Duration.ofHours(48)))));
    return Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> outbox.list(email, null, 5).items(), items -> !items.isEmpty())
        .get(0);
  }

  String body(MvcResult result) throws Exception {
    return result.getResponse().getContentAsString();
  }

  @Test
  void onlyTheOwnerMayOpenTheOutbox() throws Exception {
    MailView mail = heldMail();
    mvc.perform(get("/admin/mail").with(member)).andExpect(status().isForbidden());
    mvc.perform(get("/admin/mail/" + mail.id()).with(member)).andExpect(status().isForbidden());
    mvc.perform(post("/admin/mail/" + mail.id() + "/retry").with(member).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(get("/admin/mail"))
        .andExpect(status().is3xxRedirection())
        .andExpect(
            result -> assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login"));
    mvc.perform(get("/admin/mail").with(owner)).andExpect(status().isOk());
  }

  @Test
  void ownerSeesTheHeldMailWithItsSubjectAndWhyItWasNotSent() throws Exception {
    MailView mail = heldMail();
    String page =
        body(
            mvc.perform(get("/admin/mail").param("q", mail.recipient()).with(owner))
                .andExpect(status().isOk())
                .andReturn());
    assertThat(page)
        .contains("<html")
        .contains(mail.subject())
        .contains(mail.recipient())
        .contains("href=\"/admin/mail/" + mail.id() + "\"")
        .contains("data-status=\"HELD\"")
        .contains("data-testid=\"mail-held-notice\"")
        .contains("SMTP is not configured");
  }

  @Test
  void anHtmxRequestGetsOnlyTheRows() throws Exception {
    MailView mail = heldMail();
    MvcResult result =
        mvc.perform(
                get("/admin/mail")
                    .param("q", mail.recipient())
                    .header("HX-Request", "true")
                    .with(owner))
            .andExpect(status().isOk())
            .andReturn();
    String fragment = body(result);
    assertThat(fragment)
        .doesNotContain("<html")
        .doesNotContain("<body")
        .doesNotContain("<table")
        .contains("<tr data-testid=\"mail-row\">")
        .contains(mail.subject())
        .contains("id=\"mail-pager\"")
        .contains("hx-swap-oob=\"true\"");
    assertThat(result.getResponse().getHeaders("Vary")).contains("HX-Request");
  }

  @Test
  void anEmptySearchShowsAnEmptyState() throws Exception {
    String page =
        body(
            mvc.perform(get("/admin/mail").param("q", unique("nobody-")).with(owner))
                .andExpect(status().isOk())
                .andReturn());
    assertThat(page).contains("empty-state").contains("No emails found").doesNotContain("<tr");
  }

  @Test
  void ownerReadsOneMailWithItsHtmlInASandboxedFrameAndItsText() throws Exception {
    MailView mail = heldMail();
    String page =
        body(
            mvc.perform(get("/admin/mail/" + mail.id()).with(owner))
                .andExpect(status().isOk())
                .andReturn());
    assertThat(page)
        .contains("Guildhall &lt;no-reply@guildhall.local&gt;")
        .contains(mail.recipient())
        .contains(mail.subject())
        .contains(
            "<iframe class=\"mail-preview__frame\" sandbox src=\"/admin/mail/"
                + mail.id()
                + "/html\"")
        .contains("data-testid=\"mail-text\"")
        .contains("/verify?token=")
        .as("the member's display name is text, never markup")
        .doesNotContain("<b>Hopper</b>")
        .contains("Hi Grace &lt;b&gt;Hopper&lt;/b&gt;,");

    MvcResult html =
        mvc.perform(get("/admin/mail/" + mail.id() + "/html").with(owner))
            .andExpect(status().isOk())
            .andReturn();
    assertThat(html.getResponse().getContentType()).startsWith("text/html");
    assertThat(html.getResponse().getHeader("Content-Security-Policy"))
        .contains("default-src 'none'")
        .contains("sandbox")
        .contains("frame-ancestors 'self'")
        .doesNotContain("script-src");
    assertThat(body(html))
        .isEqualTo(mail.bodyHtml())
        .contains("Grace &lt;b&gt;Hopper&lt;/b&gt;")
        .doesNotContain("<b>Hopper</b>");

    mvc.perform(get("/admin/mail/" + mail.id() + "/html").with(member))
        .andExpect(status().isForbidden());
    mvc.perform(get("/admin/mail/" + UUID.randomUUID()).with(owner))
        .andExpect(status().isNotFound());
  }

  @Test
  void retryingAHeldMailIsRefusedWithAMessage() throws Exception {
    MailView mail = heldMail();
    MvcResult result =
        mvc.perform(post("/admin/mail/" + mail.id() + "/retry").with(owner).with(csrf()))
            .andExpect(status().isFound())
            .andExpect(redirectedUrl("/admin/mail/" + mail.id()))
            .andReturn();
    Flash flash = (Flash) result.getFlashMap().get(Flash.ATTRIBUTE);
    assertThat(flash.level()).isEqualTo("error");
    assertThat(flash.key()).isEqualTo("problem.mail-smtp-not-configured");
    assertThat(outbox.find(mail.id()).orElseThrow().status()).isEqualTo("HELD");
  }
}

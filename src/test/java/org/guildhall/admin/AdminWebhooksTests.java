package org.guildhall.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.guildhall.identity.AccountId;
import org.guildhall.identity.IdentityApi;
import org.guildhall.identity.Role;
import org.guildhall.integration.WebhookEvent;
import org.guildhall.integration.WebhooksApi;
import org.guildhall.integration.WebhooksApi.DeliveryView;
import org.guildhall.integration.WebhooksApi.EndpointForm;
import org.guildhall.integration.WebhooksApi.EndpointView;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.web.AuthenticatedAccount;
import org.guildhall.support.TestClockConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The owner's webhook pages: who may open them, adding an endpoint (with its errors next to the
 * fields), its secret and delivery log, editing, test events, sending again, deleting.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
class AdminWebhooksTests {

  @Autowired MockMvc mvc;
  @Autowired IdentityApi identity;
  @Autowired WebhooksApi webhooks;

  record SignedIn(UUID accountId) implements AuthenticatedAccount {}

  RequestPostProcessor owner;
  RequestPostProcessor member;
  final List<UUID> created = new ArrayList<>();

  RequestPostProcessor signedIn(Set<Role> roles) {
    String handle = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
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

  @AfterEach
  void removeEndpoints() {
    created.forEach(
        id -> {
          try {
            webhooks.delete(id);
          } catch (DomainException gone) {
            // the test deleted it
          }
        });
  }

  EndpointView endpoint() {
    EndpointView endpoint =
        webhooks.create(
            new EndpointForm(
                "http://127.0.0.1:9/hook",
                "CRM <sync>",
                // events no test here causes (accounts are made in every test)
                List.of("order.paid", "membership.expired"),
                true));
    created.add(endpoint.id());
    return endpoint;
  }

  static String body(MvcResult result) throws Exception {
    return result.getResponse().getContentAsString();
  }

  @Test
  void onlyTheOwnerMayOpenOrChangeWebhooks() throws Exception {
    EndpointView endpoint = endpoint();
    mvc.perform(get("/admin/webhooks").with(member)).andExpect(status().isForbidden());
    mvc.perform(get("/admin/webhooks/" + endpoint.id()).with(member))
        .andExpect(status().isForbidden());
    mvc.perform(post("/admin/webhooks/" + endpoint.id() + "/delete").with(member).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(get("/admin/webhooks"))
        .andExpect(status().is3xxRedirection())
        .andExpect(
            result -> assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login"));
    assertThat(webhooks.endpoint(endpoint.id())).isPresent();
    String list =
        body(
            mvc.perform(get("/admin/webhooks").with(owner)).andExpect(status().isOk()).andReturn());
    assertThat(list)
        .contains("href=\"/admin/webhooks/" + endpoint.id() + "\"")
        .contains("2 events")
        .contains("CRM &lt;sync&gt;")
        .contains("None yet");
  }

  @Test
  void theNewEndpointFormOffersEveryEventTicked() throws Exception {
    String page =
        body(
            mvc.perform(get("/admin/webhooks/new").with(owner))
                .andExpect(status().isOk())
                .andReturn());
    for (WebhookEvent event : WebhookEvent.subscribable()) {
      assertThat(page)
          .contains("name=\"events\" value=\"" + event.type() + "\" checked")
          .contains(event.type());
    }
    assertThat(page).doesNotContain("value=\"webhook.test\"");
  }

  @Test
  void badInputIsShownNextToEachFieldAndCreatesNothing() throws Exception {
    int before = webhooks.endpoints().size();
    String page =
        body(
            mvc.perform(
                    post("/admin/webhooks")
                        .with(owner)
                        .with(csrf())
                        .param("url", "https://user:pw@hooks.example.com/in")
                        .param("description", "x".repeat(201))
                        .param("enabled", "true"))
                .andExpect(status().isUnprocessableContent())
                .andReturn());
    assertThat(page)
        .contains("data-testid=\"error-url\">Enter a full http:// or https:// address")
        .contains("data-testid=\"error-description\">The description is too long")
        .contains("data-testid=\"error-events\">Choose at least one event.")
        .contains("value=\"https://user:pw@hooks.example.com/in\"");
    mvc.perform(
            post("/admin/webhooks")
                .with(owner)
                .with(csrf())
                .param("url", "hooks.example.com/in")
                .param("events", "order.paid"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            result ->
                assertThat(body(result))
                    .contains("data-testid=\"error-url\">Enter a full http:// or https:// address")
                    .contains("name=\"events\" value=\"order.paid\" checked"));
    mvc.perform(
            post("/admin/webhooks")
                .with(owner)
                .param("url", "https://hooks.example.com/in")
                .param("events", "order.paid"))
        .andExpect(status().isForbidden());
    assertThat(webhooks.endpoints()).hasSize(before);
  }

  @Test
  void anAddedEndpointShowsItsSecretEventsAndAnEmptyLog() throws Exception {
    MvcResult result =
        mvc.perform(
                post("/admin/webhooks")
                    .with(owner)
                    .with(csrf())
                    .param("url", "https://hooks.example.com/guildhall")
                    .param("description", "Zapier")
                    .param("events", "order.paid", "membership.canceled")
                    .param("enabled", "true"))
            .andExpect(status().isFound())
            .andReturn();
    String location = result.getResponse().getRedirectedUrl();
    assertThat(location).startsWith("/admin/webhooks/");
    UUID id = UUID.fromString(location.substring("/admin/webhooks/".length()));
    created.add(id);
    EndpointView endpoint = webhooks.endpoint(id).orElseThrow();
    assertThat(endpoint.events())
        .containsExactlyInAnyOrder(WebhookEvent.ORDER_PAID, WebhookEvent.MEMBERSHIP_CANCELED);
    assertThat(endpoint.enabled()).isTrue();

    String page =
        body(mvc.perform(get(location).with(owner)).andExpect(status().isOk()).andReturn());
    assertThat(page)
        .contains("https://hooks.example.com/guildhall")
        .contains("data-testid=\"webhook-secret\">" + webhooks.secret(id) + "<")
        .contains("<span class=\"mono\">order.paid</span>")
        .contains("<span class=\"mono\">membership.canceled</span>")
        .doesNotContain("<span class=\"mono\">member.joined</span>")
        .contains("Nothing sent yet");
  }

  @Test
  void editingCanSwitchAnEndpointOffAndChangeItsEvents() throws Exception {
    EndpointView endpoint = endpoint();
    String form =
        body(
            mvc.perform(get("/admin/webhooks/" + endpoint.id() + "/edit").with(owner))
                .andExpect(status().isOk())
                .andReturn());
    assertThat(form)
        .contains("value=\"http://127.0.0.1:9/hook\"")
        .contains("name=\"events\" value=\"membership.expired\" checked")
        .contains("name=\"events\" value=\"order.refunded\">");

    mvc.perform(
            post("/admin/webhooks/" + endpoint.id())
                .with(owner)
                .with(csrf())
                .param("url", "https://hooks.example.com/v2")
                .param("events", "order.refunded"))
        .andExpect(status().isFound());

    EndpointView saved = webhooks.endpoint(endpoint.id()).orElseThrow();
    assertThat(saved.url()).isEqualTo("https://hooks.example.com/v2");
    assertThat(saved.events()).containsExactly(WebhookEvent.ORDER_REFUNDED);
    assertThat(saved.enabled()).as("the box was not ticked").isFalse();
    assertThat(body(mvc.perform(get("/admin/webhooks/" + endpoint.id()).with(owner)).andReturn()))
        .contains("data-state=\"off\"")
        .contains("new events are not sent to it");

    mvc.perform(
            post("/admin/webhooks/" + endpoint.id())
                .with(owner)
                .with(csrf())
                .param("url", "")
                .param("events", "order.refunded"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            result ->
                assertThat(body(result))
                    .contains("data-testid=\"error-url\">Enter the endpoint’s address."));
    assertThat(webhooks.endpoint(endpoint.id()).orElseThrow().url())
        .isEqualTo("https://hooks.example.com/v2");
  }

  @Test
  void aTestEventIsLoggedAndItsBodyCanBeReadAndTheLogPagesByKey() throws Exception {
    EndpointView endpoint = endpoint();
    for (int i = 0; i < 27; i++) {
      webhooks.sendTest(endpoint.id());
    }
    mvc.perform(post("/admin/webhooks/" + endpoint.id() + "/test").with(owner).with(csrf()))
        .andExpect(status().isFound());
    List<DeliveryView> all = webhooks.deliveries(endpoint.id(), null, 100).items();
    assertThat(all).hasSize(28);

    String page =
        body(
            mvc.perform(get("/admin/webhooks/" + endpoint.id()).with(owner))
                .andExpect(status().isOk())
                .andReturn());
    assertThat(page.split("data-testid=\"webhook-delivery-row\"", -1)).hasSize(26);
    assertThat(page).contains("data-status=\"PENDING\"").contains("data-testid=\"webhook-older\"");

    String next = webhooks.deliveries(endpoint.id(), null, 25).next();
    String rows =
        body(
            mvc.perform(
                    get("/admin/webhooks/" + endpoint.id())
                        .param("after", next)
                        .header("HX-Request", "true")
                        .with(owner))
                .andExpect(status().isOk())
                .andReturn());
    assertThat(rows).doesNotContain("<html").doesNotContain("webhook-older");
    assertThat(rows.split("data-testid=\"webhook-delivery-row\"", -1)).hasSize(4);

    DeliveryView delivery = all.get(0);
    String detail =
        body(
            mvc.perform(get("/admin/webhooks/deliveries/" + delivery.id()).with(owner))
                .andExpect(status().isOk())
                .andReturn());
    assertThat(detail)
        .contains(delivery.eventId())
        .contains("\"type\" : \"webhook.test\"")
        .contains("Waiting to be sent")
        .doesNotContain("data-testid=\"redeliver\"");
  }

  @Test
  void aPendingDeliveryCannotBeSentAgainYet() throws Exception {
    EndpointView endpoint = endpoint();
    UUID delivery = webhooks.sendTest(endpoint.id());
    mvc.perform(
            post("/admin/webhooks/deliveries/" + delivery + "/redeliver").with(owner).with(csrf()))
        .andExpect(status().isFound())
        .andExpect(
            result ->
                assertThat(result.getFlashMap().toString()).contains("webhook-delivery-pending"));
    assertThat(webhooks.delivery(delivery).orElseThrow().attempts()).isZero();
  }

  @Test
  void deletingAnEndpointLeavesNothingBehind() throws Exception {
    EndpointView endpoint = endpoint();
    UUID delivery = webhooks.sendTest(endpoint.id());
    mvc.perform(post("/admin/webhooks/" + endpoint.id() + "/delete").with(owner).with(csrf()))
        .andExpect(status().isFound())
        .andExpect(
            result ->
                assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/webhooks"));
    assertThat(webhooks.endpoint(endpoint.id())).isEmpty();
    mvc.perform(get("/admin/webhooks/" + endpoint.id()).with(owner))
        .andExpect(status().isNotFound());
    mvc.perform(get("/admin/webhooks/deliveries/" + delivery).with(owner))
        .andExpect(status().isNotFound());
  }
}

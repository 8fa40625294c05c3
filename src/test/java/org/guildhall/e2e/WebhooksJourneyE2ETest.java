package org.guildhall.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The owner connects a receiver in Chromium: the console's empty state, a form that says what is
 * wrong next to the field, the endpoint with its secret, a test event that reaches a real HTTP
 * receiver, and the delivery's body; then the same pages on a 360 px phone. The demo owner reads
 * Chinese (the account's language wins over the browser's), so the texts checked here are Chinese;
 * {@code AdminWebhooksTests} checks the English ones. Screenshots go to {@code
 * target/e2e-screenshots/webhooks-*.png}.
 */
@WebIntegrationTest
class WebhooksJourneyE2ETest {

  private static E2eBrowser browser;

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;

  HttpServer receiver;
  final List<String> received = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void launch() {
    browser = E2eBrowser.launch();
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.close();
    }
  }

  @AfterEach
  void tearDown() {
    browser.endTest();
    if (receiver != null) {
      receiver.stop(0);
    }
    jdbc.sql("DELETE FROM webhook_endpoint WHERE description = 'E2E receiver'").update();
  }

  @Test
  void theOwnerAddsAnEndpointAndATestEventReachesTheReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/in",
        exchange -> {
          received.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/in";

    // The invalid form answers 422 on purpose; Chromium logs it.
    browser.expectedConsoleErrors.add(
        Pattern.compile("^Failed to load resource: .*status of 422 .*/admin/webhooks.*"));
    // The owner's window expects one dialog: deleting the endpoint at the end.
    Page owner = browser.newPage(url(""), 1280, 900, "en-US", true);
    signIn(owner);
    owner.navigate(url("/admin"));
    owner.getByTestId("admin-webhooks").click();
    owner.waitForURL(u -> u.endsWith("/admin/webhooks"));
    assertThat(owner.locator(".empty-state")).containsText("还没有 Webhook 接收地址");
    E2eBrowser.screenshot(owner, "webhooks-1-empty");

    owner.getByTestId("new-webhook").first().click();
    owner.locator("#f-url").fill("hooks.example.com/in");
    owner.getByTestId("save-webhook").click();
    assertThat(owner.getByTestId("error-url"))
        .hasText("请填写完整的 http:// 或 https:// 地址，不要包含用户名或 # 片段。");
    E2eBrowser.screenshot(owner, "webhooks-2-error");

    owner.locator("#f-url").fill(hook);
    owner.locator("#f-description").fill("E2E receiver");
    owner.locator("input[name=events][value='member.banned']").uncheck();
    owner.locator("input[name=events][value='member.unbanned']").uncheck();
    owner.getByTestId("save-webhook").click();
    owner.waitForURL(u -> u.matches(".*/admin/webhooks/[0-9a-f-]{36}$"));
    assertThat(owner.getByTestId("flash")).containsText("已添加接收地址");
    assertThat(owner.getByTestId("webhook-url")).hasText(hook);
    assertThat(owner.getByTestId("webhook-events")).containsText("order.paid");
    assertThat(owner.getByTestId("webhook-events")).not().containsText("member.banned");
    assertThat(owner.getByTestId("webhook-secret")).not().isVisible();
    owner.getByTestId("reveal-secret").click();
    assertThat(owner.getByTestId("webhook-secret")).containsText("whsec_");

    owner.getByTestId("send-test").click();
    assertThat(owner.getByTestId("flash")).containsText("测试事件已排队");
    ReflectionTestUtils.invokeMethod(context.getBean("webhookDispatcher"), "dispatchDue");
    Assertions.assertThat(received).hasSize(1);
    Assertions.assertThat(received.get(0)).contains("\"type\":\"webhook.test\"");
    owner.reload();
    assertThat(owner.getByTestId("webhook-delivery-row")).hasCount(1);
    assertThat(owner.getByTestId("webhook-delivery-row").locator("[data-status]")).hasText("已送达");
    E2eBrowser.screenshot(owner, "webhooks-3-endpoint");

    owner.getByTestId("webhook-delivery-row").locator("a").first().click();
    assertThat(owner.getByTestId("delivery-type")).hasText("webhook.test");
    assertThat(owner.getByTestId("delivery-payload")).containsText("\"type\" : \"webhook.test\"");
    E2eBrowser.screenshot(owner, "webhooks-4-delivery");
    String endpointPage = owner.url();

    // The same pages on a phone.
    Page phone = browser.newPage(url(""), 360, 780, "zh-CN", false);
    signIn(phone);
    phone.navigate(url("/admin/webhooks"));
    assertThat(phone.locator("h1")).hasText("Webhook");
    E2eBrowser.assertNoHorizontalOverflow(phone);
    E2eBrowser.screenshot(phone, "webhooks-5-list-phone");
    phone.locator("[data-testid=webhook-row] a").first().click();
    assertThat(phone.getByTestId("send-test")).hasText("发送测试事件");
    E2eBrowser.assertNoHorizontalOverflow(phone);
    E2eBrowser.screenshot(phone, "webhooks-6-endpoint-phone");
    phone.navigate(url("/admin/webhooks/new"));
    E2eBrowser.assertNoHorizontalOverflow(phone);
    E2eBrowser.screenshot(phone, "webhooks-7-form-phone");
    phone.navigate(endpointPage);
    E2eBrowser.assertNoHorizontalOverflow(phone);

    // Deleting asks first, then the list is empty again.
    owner.navigate(url("/admin/webhooks"));
    owner.locator("[data-testid=webhook-row] a").first().click();
    owner.onceDialog(dialog -> dialog.accept());
    owner.getByTestId("delete-webhook").click();
    owner.waitForURL(u -> u.endsWith("/admin/webhooks"));
    assertThat(owner.getByTestId("flash")).containsText("已删除该接收地址");
    browser.assertClean();
  }

  private void signIn(Page page) {
    page.navigate(url("/login"));
    page.locator("#f-email").fill("owner@guildhall.demo");
    page.locator("#f-password").fill("guildhall-demo");
    page.getByTestId("sign-in").click();
    page.waitForURL(u -> !u.contains("/login"));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}

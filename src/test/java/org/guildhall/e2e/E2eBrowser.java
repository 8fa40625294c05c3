package org.guildhall.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;

/**
 * Debian's Chromium driven by Playwright, for the browser journeys: one browser per test class, and
 * per test the pages it opened with what went wrong in them — console errors (a CSP violation, a
 * missing script) and dialogs nobody expected. Screenshots go to {@code target/e2e-screenshots/}.
 */
final class E2eBrowser implements AutoCloseable {

  static final Path SCREENSHOTS = Paths.get("target", "e2e-screenshots");

  private final Playwright playwright;
  private final Browser browser;
  private final List<BrowserContext> contexts = new CopyOnWriteArrayList<>();

  /** Console errors no step expected. */
  final List<String> consoleErrors = new CopyOnWriteArrayList<>();

  /** Console errors a step expects, e.g. Chromium reporting a deliberate 422 form response. */
  final List<Pattern> expectedConsoleErrors = new CopyOnWriteArrayList<>();

  /** Dialogs on pages that were not told to expect one. */
  final List<String> unexpectedDialogs = new CopyOnWriteArrayList<>();

  private E2eBrowser() {
    try {
      Files.createDirectories(SCREENSHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get("/usr/bin/chromium"))
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--no-first-run")));
    PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
  }

  static E2eBrowser launch() {
    return new E2eBrowser();
  }

  /**
   * A page in a fresh context (its own cookies). Unless {@code dialogsExpected}, a dialog is
   * dismissed and recorded as unexpected.
   */
  Page newPage(String baseUrl, int width, int height, String locale, boolean dialogsExpected) {
    BrowserContext context =
        browser.newContext(
            new Browser.NewContextOptions()
                .setViewportSize(width, height)
                .setLocale(locale)
                .setBaseURL(baseUrl));
    contexts.add(context);
    Page page = context.newPage();
    page.onConsoleMessage(
        message -> {
          String text = describe(message, page);
          if ("error".equals(message.type())
              && expectedConsoleErrors.stream().noneMatch(p -> p.matcher(text).matches())) {
            consoleErrors.add(text);
          }
        });
    page.onPageError(error -> consoleErrors.add("uncaught: " + error));
    if (!dialogsExpected) {
      page.onDialog(
          dialog -> {
            unexpectedDialogs.add(dialog.type() + ": " + dialog.message() + " on " + page.url());
            dialog.dismiss();
          });
    }
    return page;
  }

  /** Closes this test's pages and forgets what went wrong in them. */
  void endTest() {
    contexts.forEach(BrowserContext::close);
    contexts.clear();
    consoleErrors.clear();
    expectedConsoleErrors.clear();
    unexpectedDialogs.clear();
  }

  /** Fails when a page logged an unexpected console error or opened an unexpected dialog. */
  void assertClean() {
    Assertions.assertThat(unexpectedDialogs).as("dialogs the journey did not expect").isEmpty();
    Assertions.assertThat(consoleErrors)
        .as("browser console errors (CSP violations, missing resources, script errors)")
        .isEmpty();
  }

  static void assertNoHorizontalOverflow(Page page) {
    Object overflow =
        page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
    Assertions.assertThat(((Number) overflow).intValue())
        .as("horizontal overflow in px at %s", page.url())
        .isLessThanOrEqualTo(0);
  }

  static void screenshot(Page page, String name) {
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }

  private static String describe(ConsoleMessage message, Page page) {
    return message.text() + " (" + message.location() + " on " + page.url() + ")";
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}

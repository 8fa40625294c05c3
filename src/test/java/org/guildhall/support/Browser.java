package org.guildhall.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal cookie-keeping HTTP client that behaves like a browser without JavaScript: it keeps the
 * session cookie, reads the CSRF token from the last page, and submits forms. It does not follow
 * redirects, so tests can assert them.
 */
public final class Browser {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern TOKEN_SECRET =
      Pattern.compile("data-testid=\"token-secret\">(gh_[A-Za-z0-9_-]+)<");

  private final String base;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http;
  private String lastCsrf;
  private String remoteLanguage = "en";

  public Browser(int port) {
    this.base = "http://localhost:" + port;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  public Browser language(String acceptLanguage) {
    this.remoteLanguage = acceptLanguage;
    return this;
  }

  /** A GET; remembers the page's CSRF token. */
  public Page get(String path) {
    return send(request(path).GET().header("Accept", "text/html").build());
  }

  public Page get(String path, Map<String, String> headers) {
    HttpRequest.Builder builder = request(path).GET();
    headers.forEach(builder::header);
    return send(builder.build());
  }

  /** Submits a form with the CSRF token of the last page fetched. */
  public Page post(String path, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    if (lastCsrf != null) {
      all.putIfAbsent("_csrf", lastCsrf);
    }
    return send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString(form(all)))
            .build());
  }

  /** Submits a form with extra request headers (e.g. {@code HX-Request: true} for htmx). */
  public Page post(String path, Map<String, String> fields, Map<String, String> headers) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    if (lastCsrf != null) {
      all.putIfAbsent("_csrf", lastCsrf);
    }
    HttpRequest.Builder builder =
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString(form(all)));
    headers.forEach(builder::header);
    return send(builder.build());
  }

  /** Submits a form without any CSRF token, as a forged cross-site request would. */
  public Page postWithoutCsrf(String path, Map<String, String> fields) {
    return send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
            .build());
  }

  /** A multipart form post (for uploads). */
  public Page postMultipart(
      String path,
      Map<String, String> fields,
      String fileField,
      String fileName,
      String type,
      byte[] file) {
    String boundary = "----gh" + UUID.randomUUID();
    StringBuilder head = new StringBuilder();
    Map<String, String> all = new LinkedHashMap<>(fields);
    if (lastCsrf != null) {
      all.putIfAbsent("_csrf", lastCsrf);
    }
    all.forEach(
        (k, v) ->
            head.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(k)
                .append("\"\r\n\r\n")
                .append(v)
                .append("\r\n"));
    head.append("--")
        .append(boundary)
        .append("\r\n")
        .append("Content-Disposition: form-data; name=\"")
        .append(fileField)
        .append("\"; filename=\"")
        .append(fileName)
        .append("\"\r\n")
        .append("Content-Type: ")
        .append(type)
        .append("\r\n\r\n");
    byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[start.length + file.length + end.length];
    System.arraycopy(start, 0, body, 0, start.length);
    System.arraycopy(file, 0, body, start.length, file.length);
    System.arraycopy(end, 0, body, start.length + file.length, end.length);
    return send(
        request(path)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  /** Signs in through the real sign-in form; returns the response to the form post. */
  public Page signIn(String email, String password) {
    get("/login");
    return post("/login", Map.of("email", email, "password", password));
  }

  /**
   * Creates a personal access token on the settings page, as a member would, and returns the secret
   * the page shows once; empty if the page showed none.
   */
  public Optional<String> createAccessToken(String name, String validDays) {
    get("/settings/tokens");
    Matcher m =
        TOKEN_SECRET.matcher(
            post("/settings/tokens", Map.of("name", name, "validDays", validDays)).body());
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  public Optional<String> cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst();
  }

  public void dropCookie(String name) {
    cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .toList()
        .forEach(c -> cookies.getCookieStore().remove(null, c));
  }

  public String csrf() {
    return lastCsrf;
  }

  public String base() {
    return base;
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
        .timeout(Duration.ofSeconds(30))
        .header("Accept-Language", remoteLanguage);
  }

  private Page send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      Matcher m = CSRF.matcher(response.body());
      if (m.find()) {
        lastCsrf = m.group(1);
      }
      return new Page(response);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String form(Map<String, String> fields) {
    StringJoiner joiner = new StringJoiner("&");
    fields.forEach(
        (k, v) ->
            joiner.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return joiner.toString();
  }

  /** A response: status, headers and body. */
  public record Page(HttpResponse<String> response) {

    public int status() {
      return response.statusCode();
    }

    public String body() {
      return response.body();
    }

    public String location() {
      return response.headers().firstValue("Location").orElse(null);
    }

    public Optional<String> header(String name) {
      return response.headers().firstValue(name);
    }

    @Override
    public String toString() {
      return status()
          + " "
          + (location() != null ? "-> " + location() : body().length() + " chars");
    }
  }
}

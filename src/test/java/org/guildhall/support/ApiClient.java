package org.guildhall.support;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON API client over real HTTP, as a script would be: optional bearer token, headers of the
 * caller's choice, no cookies, never follows redirects (so a redirect shows as what it is).
 */
public final class ApiClient {

  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final String base;
  private final JsonMapper json;
  private final Map<String, String> headers = new LinkedHashMap<>();

  public ApiClient(int port, JsonMapper json) {
    this.base = "http://localhost:" + port;
    this.json = json;
    headers.put("Accept", "application/json");
  }

  /** Sends {@code Authorization: Bearer <token>} from now on. */
  public ApiClient token(String token) {
    return header("Authorization", "Bearer " + token);
  }

  public ApiClient header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public Response get(String path) {
    return send("GET", path, null, null);
  }

  public Response delete(String path) {
    return send("DELETE", path, null, null);
  }

  public Response json(String method, String path, String body) {
    return send(
        method,
        path,
        "application/json",
        body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  public Response send(String method, String path, String contentType, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response.headers(), response.body(), json);
    } catch (Exception e) {
      throw new IllegalStateException("Could not call " + method + " " + path, e);
    }
  }

  /** A multipart/form-data request with one file part. */
  public Response multipart(
      String method, String path, String field, String fileName, String type, byte[] file) {
    String boundary = "----gh" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + field
            + "\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: "
            + type
            + "\r\n\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(method, path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
  }

  public record Response(int status, HttpHeaders headers, String body, JsonMapper mapper) {

    public String contentType() {
      return headers.firstValue("Content-Type").orElse("");
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    public JsonNode json() {
      return mapper.readTree(body);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}

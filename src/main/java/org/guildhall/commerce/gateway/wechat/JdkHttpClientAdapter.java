package org.guildhall.commerce.gateway.wechat;

import com.wechat.pay.java.core.auth.Credential;
import com.wechat.pay.java.core.auth.Validator;
import com.wechat.pay.java.core.exception.HttpException;
import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.core.http.AbstractHttpClient;
import com.wechat.pay.java.core.http.Constant;
import com.wechat.pay.java.core.http.HttpRequest;
import com.wechat.pay.java.core.http.JsonRequestBody;
import com.wechat.pay.java.core.http.OriginalResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The WeChat Pay SDK's transport on the JDK's {@link HttpClient}, sending every call to the
 * configured API base instead of the host the SDK has built in. The SDK still signs each request
 * (for the path it built, which is unchanged) and verifies each response's signature.
 *
 * <p>Response headers are handed to the SDK under its own spelling ({@code Wechatpay-Timestamp},
 * ...): its header lookup is case-sensitive, and HTTP does not preserve case.
 */
final class JdkHttpClientAdapter extends AbstractHttpClient {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

  /** Headers the JDK client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private static final List<String> SDK_HEADERS =
      List.of(
          Constant.REQUEST_ID,
          Constant.WECHAT_PAY_SERIAL,
          Constant.WECHAT_PAY_SIGNATURE,
          Constant.WECHAT_PAY_TIMESTAMP,
          Constant.WECHAT_PAY_NONCE,
          Constant.CONTENT_TYPE);

  private final HttpClient http;
  private final String apiBase;

  JdkHttpClientAdapter(
      Credential credential, Validator validator, HttpClient http, String apiBase) {
    super(credential, validator);
    this.http = http;
    this.apiBase = apiBase.endsWith("/") ? apiBase.substring(0, apiBase.length() - 1) : apiBase;
  }

  @Override
  protected OriginalResponse innerExecute(HttpRequest request) {
    java.net.http.HttpRequest.Builder builder = newRequest(request);
    builder.method(request.getHttpMethod().name(), body(request));
    try {
      HttpResponse<String> response =
          http.send(builder.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new OriginalResponse.Builder()
          .request(request)
          .statusCode(response.statusCode())
          .headers(sdkHeaders(response.headers()))
          .contentType(response.headers().firstValue(Constant.CONTENT_TYPE).orElse(null))
          .body(response.body())
          .build();
    } catch (IOException e) {
      throw new HttpException(request, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HttpException(request, e);
    }
  }

  @Override
  protected InputStream innerDownload(HttpRequest request) {
    try {
      HttpResponse<InputStream> response =
          http.send(newRequest(request).GET().build(), BodyHandlers.ofInputStream());
      if (response.statusCode() < 200 || response.statusCode() >= 300) {
        response.body().close();
        throw new ServiceException(request, response.statusCode(), "");
      }
      return response.body();
    } catch (IOException e) {
      throw new HttpException(request, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HttpException(request, e);
    }
  }

  @Override
  protected String getHttpClientInfo() {
    return "java.net.http/" + Runtime.version().feature();
  }

  private java.net.http.HttpRequest.Builder newRequest(HttpRequest request) {
    java.net.http.HttpRequest.Builder builder =
        java.net.http.HttpRequest.newBuilder(rebase(request.getUri())).timeout(REQUEST_TIMEOUT);
    request
        .getHeaders()
        .getHeaders()
        .forEach(
            (name, value) -> {
              if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                builder.header(name, value);
              }
            });
    return builder;
  }

  private URI rebase(URI uri) {
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    return URI.create(apiBase + uri.getRawPath() + query);
  }

  private static BodyPublisher body(HttpRequest request) {
    if (request.getBody() == null) {
      return BodyPublishers.noBody();
    }
    if (request.getBody() instanceof JsonRequestBody json) {
      return BodyPublishers.ofString(json.getBody(), StandardCharsets.UTF_8);
    }
    throw new UnsupportedOperationException(
        "Unsupported request body " + request.getBody().getClass().getName());
  }

  private static Map<String, String> sdkHeaders(java.net.http.HttpHeaders headers) {
    Map<String, String> result = new HashMap<>();
    headers
        .map()
        .forEach(
            (name, values) -> {
              if (!values.isEmpty()) {
                result.put(canonical(name), values.get(0));
              }
            });
    return result;
  }

  private static String canonical(String name) {
    for (String known : SDK_HEADERS) {
      if (known.equalsIgnoreCase(name)) {
        return known;
      }
    }
    return name;
  }
}

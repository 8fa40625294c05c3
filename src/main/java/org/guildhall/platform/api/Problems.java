package org.guildhall.platform.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import org.guildhall.platform.web.RequestIds;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds RFC 9457 problem details the same way everywhere: {@code type} is {@code /problems/<code>}
 * (a page that explains the code), {@code title} and {@code detail} are the messages {@code
 * problem.<code>.title} and {@code problem.<code>} in the caller's language, {@code instance} is
 * the path the client called and {@code requestId} the id under which the request was logged. Never
 * an exception message.
 */
@Component
public class Problems {

  /** Where the pages that explain each problem type live: {@code /problems/<code>}. */
  public static final String TYPE_BASE = "/problems/";

  private final MessageSource messages;

  Problems(MessageSource messages) {
    this.messages = messages;
  }

  public ProblemDetail of(HttpStatusCode status, String code, Locale locale, Object... args) {
    ProblemDetail problem = ProblemDetail.forStatus(status);
    problem.setType(URI.create(TYPE_BASE + code));
    problem.setTitle(messages.getMessage("problem." + code + ".title", null, code, locale));
    problem.setDetail(messages.getMessage("problem." + code, args, code, locale));
    return problem;
  }

  /**
   * A problem about {@code request}: as {@link #of}, with {@code instance} (the path the client
   * called, also when the answer comes from the container's error page) and the request id.
   */
  public ProblemDetail of(
      HttpServletRequest request,
      HttpStatusCode status,
      String code,
      Locale locale,
      Object... args) {
    ProblemDetail problem = of(status, code, locale, args);
    problem.setInstance(instance(request));
    String requestId = RequestIds.current(request);
    if (requestId != null) {
      problem.setProperty("requestId", requestId);
    }
    return problem;
  }

  /** The path the client asked for (never its query, which may hold secrets); null if unusable. */
  static URI instance(HttpServletRequest request) {
    Object forwarded = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = forwarded instanceof String s ? s : request.getRequestURI();
    if (path == null || path.isEmpty()) {
      return null;
    }
    try {
      return new URI(path);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /**
   * The problem code for a bare HTTP status: "internal" for 5xx, "http-<status>" for the client
   * errors that have their own text, "http-400" for any other.
   */
  public static String codeFor(HttpStatusCode status) {
    if (status.is5xxServerError()) {
      return "internal";
    }
    return DESCRIBED.contains(status.value()) ? "http-" + status.value() : "http-400";
  }

  /** Statuses with their own {@code problem.http-<status>} messages. */
  private static final Set<Integer> DESCRIBED =
      Set.of(400, 401, 403, 404, 405, 406, 408, 409, 410, 412, 413, 415, 416, 422, 429);
}

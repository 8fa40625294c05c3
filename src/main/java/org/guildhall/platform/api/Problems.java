package org.guildhall.platform.api;

import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds RFC 9457 problem details the same way everywhere: {@code type} is {@code
 * /problems/<code>}, {@code title} and {@code detail} are the messages {@code problem.<code>.title}
 * and {@code problem.<code>} in the caller's language. Never an exception message.
 */
@Component
public class Problems {

  private final MessageSource messages;

  Problems(MessageSource messages) {
    this.messages = messages;
  }

  public ProblemDetail of(HttpStatusCode status, String code, Locale locale, Object... args) {
    ProblemDetail problem = ProblemDetail.forStatus(status);
    problem.setType(URI.create("/problems/" + code));
    problem.setTitle(messages.getMessage("problem." + code + ".title", null, code, locale));
    problem.setDetail(messages.getMessage("problem." + code, args, code, locale));
    return problem;
  }

  /** The problem code for a bare HTTP status: "internal" for 5xx, else "http-<status>". */
  public static String codeFor(HttpStatusCode status) {
    return status.is5xxServerError() ? "internal" : "http-" + status.value();
  }
}

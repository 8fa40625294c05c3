package org.guildhall.platform;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * A business rule said no. Carries an HTTP status, a problem code (also the i18n key {@code
 * problem.<code>}) and optional field errors (field name to i18n key); its arguments fill the
 * placeholders of both the problem message and the field messages. Pages render it as an error page
 * or a form message; the API as RFC 9457 problem details. Its text is never taken from an exception
 * message.
 */
public class DomainException extends RuntimeException {

  private final HttpStatus status;
  private final String code;
  private final Map<String, String> fieldErrors;
  private final Object[] args;
  private final Duration retryAfter;

  protected DomainException(
      HttpStatus status, String code, Map<String, String> fieldErrors, Object... args) {
    this(status, code, fieldErrors, (Duration) null, args);
  }

  private DomainException(
      HttpStatus status,
      String code,
      Map<String, String> fieldErrors,
      Duration retryAfter,
      Object... args) {
    super(code, null, false, false);
    this.status = status;
    this.code = code;
    this.fieldErrors = Map.copyOf(fieldErrors);
    this.args = args;
    this.retryAfter = retryAfter;
  }

  public static DomainException notFound(String code) {
    return new DomainException(HttpStatus.NOT_FOUND, code, Map.of());
  }

  public static DomainException forbidden(String code) {
    return new DomainException(HttpStatus.FORBIDDEN, code, Map.of());
  }

  public static DomainException conflict(String code, Object... args) {
    return new DomainException(HttpStatus.CONFLICT, code, Map.of(), args);
  }

  /** An outside service (a payment provider) could not do its part; the user may try again. */
  public static DomainException unavailable(String code) {
    return new DomainException(HttpStatus.SERVICE_UNAVAILABLE, code, Map.of());
  }

  public static DomainException tooManyRequests(String code) {
    return new DomainException(HttpStatus.TOO_MANY_REQUESTS, code, Map.of());
  }

  /** A limit was reached; the caller may try again after {@code retryAfter} (Retry-After). */
  public static DomainException tooManyRequests(String code, Duration retryAfter) {
    return new DomainException(HttpStatus.TOO_MANY_REQUESTS, code, Map.of(), retryAfter);
  }

  /** Invalid input on one field; {@code messageKey} is the i18n key shown next to the field. */
  public static DomainException invalidField(String field, String messageKey) {
    return new DomainException(
        HttpStatus.UNPROCESSABLE_ENTITY, "validation", Map.of(field, messageKey));
  }

  /** Invalid input on several fields at once (field name to i18n key), all shown together. */
  public static DomainException invalid(Map<String, String> fieldErrors) {
    return new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "validation", fieldErrors);
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }

  public Object[] args() {
    return args.clone();
  }

  /** How long to wait before trying again, when the refusal says so. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}

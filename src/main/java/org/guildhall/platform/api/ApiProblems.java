package org.guildhall.platform.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.guildhall.platform.DomainException;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Every API error is an RFC 9457 problem: a {@code type} URI ({@code /problems/<code>}, a page that
 * explains it), a localized {@code title} and {@code detail}, and for bad input an {@code errors}
 * list of {@code {field, code, message}}. Exception messages and stack traces are never included.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblems {

  /** Retry-After of a 429 whose limit did not say how long it lasts. */
  static final Duration DEFAULT_RETRY_AFTER = Duration.ofMinutes(1);

  private final MessageSource messages;
  private final Problems problems;

  ApiProblems(MessageSource messages, Problems problems) {
    this.messages = messages;
    this.problems = problems;
  }

  @ExceptionHandler(DomainException.class)
  ResponseEntity<ProblemDetail> domain(DomainException e, HttpServletRequest request) {
    Locale locale = RequestContextUtils.getLocale(request);
    List<Map<String, String>> errors = new ArrayList<>();
    e.fieldErrors()
        .forEach(
            (field, key) ->
                errors.add(
                    Map.of(
                        "field", field,
                        "code", key,
                        "message", messages.getMessage(key, e.args(), key, locale))));
    ResponseEntity<ProblemDetail> answer =
        problem(request, e.status(), e.code(), locale, errors, e.args());
    return withRetryAfter(answer, e.retryAfter().orElse(null));
  }

  @ExceptionHandler(BindException.class)
  ResponseEntity<ProblemDetail> invalid(BindException e, HttpServletRequest request) {
    Locale locale = RequestContextUtils.getLocale(request);
    List<Map<String, String>> errors = new ArrayList<>();
    for (FieldError error : e.getFieldErrors()) {
      errors.add(
          Map.of(
              "field", error.getField(),
              "code", error.getCode() == null ? "invalid" : error.getCode(),
              "message", messages.getMessage(error, locale)));
    }
    return problem(request, HttpStatus.UNPROCESSABLE_ENTITY, "validation", locale, errors);
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<ProblemDetail> invalidParameters(
      HandlerMethodValidationException e, HttpServletRequest request) {
    Locale locale = RequestContextUtils.getLocale(request);
    List<Map<String, String>> errors = new ArrayList<>();
    e.getParameterValidationResults()
        .forEach(
            result ->
                result
                    .getResolvableErrors()
                    .forEach(
                        error ->
                            errors.add(
                                Map.of(
                                    "field",
                                    String.valueOf(result.getMethodParameter().getParameterName()),
                                    "code",
                                    "invalid",
                                    "message",
                                    messages.getMessage(error, locale)))));
    return problem(request, HttpStatus.UNPROCESSABLE_ENTITY, "validation", locale, errors);
  }

  @ExceptionHandler({
    HttpMessageNotReadableException.class,
    MethodArgumentTypeMismatchException.class
  })
  ResponseEntity<ProblemDetail> unreadable(Exception e, HttpServletRequest request) {
    return problem(
        request,
        HttpStatus.BAD_REQUEST,
        "malformed-request",
        RequestContextUtils.getLocale(request),
        List.of());
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ProblemDetail> tooLarge(HttpServletRequest request) {
    return problem(
        request,
        HttpStatus.CONTENT_TOO_LARGE,
        "upload-too-large",
        RequestContextUtils.getLocale(request),
        List.of());
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ProblemDetail> denied(HttpServletRequest request) {
    return problem(
        request,
        HttpStatus.FORBIDDEN,
        "forbidden",
        RequestContextUtils.getLocale(request),
        List.of());
  }

  @ExceptionHandler(ErrorResponseException.class)
  ResponseEntity<ProblemDetail> framework(ErrorResponseException e, HttpServletRequest request) {
    return frameworkError(e, request);
  }

  @ExceptionHandler({
    org.springframework.web.HttpRequestMethodNotSupportedException.class,
    org.springframework.web.HttpMediaTypeNotSupportedException.class,
    org.springframework.web.HttpMediaTypeNotAcceptableException.class,
    org.springframework.web.bind.MissingServletRequestParameterException.class,
    org.springframework.web.servlet.resource.NoResourceFoundException.class,
    org.springframework.web.servlet.NoHandlerFoundException.class
  })
  ResponseEntity<ProblemDetail> frameworkServlet(Exception e, HttpServletRequest request) {
    return frameworkError((ErrorResponse) e, request);
  }

  private ResponseEntity<ProblemDetail> frameworkError(
      ErrorResponse e, HttpServletRequest request) {
    HttpStatusCode status = e.getStatusCode();
    ResponseEntity<ProblemDetail> answer =
        problem(
            request,
            status,
            Problems.codeFor(status),
            RequestContextUtils.getLocale(request),
            List.of());
    // Keep what the framework says a client needs, such as Allow on a 405.
    HttpHeaders headers = new HttpHeaders();
    headers.putAll(answer.getHeaders());
    e.getHeaders().forEach((name, values) -> headers.putIfAbsent(name, values));
    return withRetryAfter(
        ResponseEntity.status(status).headers(headers).body(answer.getBody()), null);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    if (e instanceof ErrorResponse framework) {
      // Any other client error the framework describes itself (a missing part or header, …).
      return frameworkError(framework, request);
    }
    LoggerFactory.getLogger(ApiProblems.class)
        .error("Unhandled API error on {} {}", request.getMethod(), request.getRequestURI(), e);
    return problem(
        request,
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal",
        RequestContextUtils.getLocale(request),
        List.of());
  }

  private ResponseEntity<ProblemDetail> problem(
      HttpServletRequest request,
      HttpStatusCode status,
      String code,
      Locale locale,
      List<Map<String, String>> errors,
      Object... args) {
    ProblemDetail problem = problems.of(request, status, code, locale, args);
    if (!errors.isEmpty()) {
      problem.setProperty("errors", errors);
    }
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /**
   * A 429 always says when to come back ({@code Retry-After}, in seconds): the limit's own wait
   * when the refusal knows it, otherwise {@link #DEFAULT_RETRY_AFTER}.
   */
  static ResponseEntity<ProblemDetail> withRetryAfter(
      ResponseEntity<ProblemDetail> answer, Duration wait) {
    if (answer.getStatusCode().value() != HttpStatus.TOO_MANY_REQUESTS.value()
        || (wait == null && answer.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER))) {
      return answer;
    }
    Duration after = wait == null ? DEFAULT_RETRY_AFTER : wait;
    // Whole seconds, rounded up: never invite a retry that would still be refused.
    long seconds = Math.max(1, after.plusNanos(999_999_999).toSeconds());
    HttpHeaders headers = new HttpHeaders();
    headers.putAll(answer.getHeaders());
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    return ResponseEntity.status(answer.getStatusCode()).headers(headers).body(answer.getBody());
  }
}

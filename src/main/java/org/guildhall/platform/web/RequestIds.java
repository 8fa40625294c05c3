package org.guildhall.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id for correlating logs: the caller's {@code X-Request-Id} when it is a
 * short token (a load balancer's or a client's), otherwise a new random one. The id is answered in
 * the {@code X-Request-Id} header, put in the logging MDC as {@code requestId} (plain logs show it
 * in brackets, structured logs as a field) and given in every API problem, so that a member who
 * reports an error points at its log lines.
 */
@Configuration(proxyBeanMethods = false)
public class RequestIds {

  public static final String HEADER = "X-Request-Id";
  public static final String MDC_KEY = "requestId";
  static final String ATTRIBUTE = RequestIds.class.getName() + ".id";

  /** What is taken from a caller: letters, digits and a few separators, at most 64 characters. */
  private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  /** The id of {@code request}, or null outside a request that passed the filter. */
  public static String current(HttpServletRequest request) {
    Object id = request.getAttribute(ATTRIBUTE);
    return id instanceof String s ? s : null;
  }

  static String accept(String candidate) {
    return candidate != null && ACCEPTED.matcher(candidate).matches() ? candidate : newId();
  }

  /**
   * 16 hex digits. An id only tells requests apart in the logs, so it need not be unpredictable:
   * {@link ThreadLocalRandom} instead of {@code SecureRandom}, whose process-wide lock every
   * request would otherwise queue for.
   */
  static String newId() {
    return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
  }

  /** Before everything else, Spring Security included, so that its 401s and 403s carry the id. */
  @Bean
  FilterRegistrationBean<Filter> requestIdFilter() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.setName("requestIdFilter");
    registration.setDispatcherTypes(
        DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
    return registration;
  }

  static class Filter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String id = current(request);
      if (id == null) {
        id = accept(request.getHeader(HEADER));
        request.setAttribute(ATTRIBUTE, id);
      }
      response.setHeader(HEADER, id);
      MDC.put(MDC_KEY, id);
      try {
        chain.doFilter(request, response);
      } finally {
        MDC.remove(MDC_KEY);
      }
    }

    /** The container's error page (a 404, a 500) is logged under the request's id too. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
      return false;
    }

    @Override
    protected void doFilterNestedErrorDispatch(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      doFilterInternal(request, response, chain);
    }
  }
}

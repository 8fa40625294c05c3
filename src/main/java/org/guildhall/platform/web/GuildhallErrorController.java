package org.guildhall.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.guildhall.platform.api.Problems;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * The servlet container's error path. Pages get the designed error page; API and JSON clients get
 * problem details. Neither ever contains an exception message or a stack trace.
 */
@Controller
class GuildhallErrorController implements ErrorController {

  private final ErrorPages pages;
  private final CtxFactory ctxFactory;
  private final Problems problems;
  private final JsonMapper json;

  GuildhallErrorController(
      ErrorPages pages, CtxFactory ctxFactory, Problems problems, JsonMapper json) {
    this.pages = pages;
    this.ctxFactory = ctxFactory;
    this.problems = problems;
    this.json = json;
  }

  /** A page for browsers, except under {@code /api/}: the API answers problems to everyone. */
  @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView page(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (isApi(request)) {
      ResponseEntity<ProblemDetail> problem = problem(request);
      response.setStatus(problem.getStatusCode().value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      json.writeValue(response.getOutputStream(), problem.getBody());
      return null; // answered
    }
    Object detailKey = request.getAttribute(ErrorPages.DETAIL_KEY_ATTRIBUTE);
    return pages.render(
        request, response, status(request), detailKey instanceof String key ? key : null);
  }

  @RequestMapping("/error")
  ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
    HttpStatusCode status = HttpStatusCode.valueOf(status(request));
    ProblemDetail problem =
        problems.of(
            request,
            status,
            Problems.codeFor(status),
            ctxFactory.forRequest(request).i18n().locale());
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static boolean isApi(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri instanceof String s ? s : request.getRequestURI();
    String context = request.getContextPath();
    if (path != null && context != null && !context.isEmpty() && path.startsWith(context)) {
      path = path.substring(context.length());
    }
    return path != null && (path.equals("/api") || path.startsWith("/api/"));
  }

  private static int status(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    return code instanceof Integer i ? i : 500;
  }
}

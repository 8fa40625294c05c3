package org.guildhall.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.guildhall.platform.api.Problems;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The servlet container's error path. Pages get the designed error page; API and JSON clients get
 * problem details. Neither ever contains an exception message or a stack trace.
 */
@Controller
class GuildhallErrorController implements ErrorController {

  private final ErrorPages pages;
  private final CtxFactory ctxFactory;
  private final Problems problems;

  GuildhallErrorController(ErrorPages pages, CtxFactory ctxFactory, Problems problems) {
    this.pages = pages;
    this.ctxFactory = ctxFactory;
    this.problems = problems;
  }

  @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView page(HttpServletRequest request, HttpServletResponse response) {
    Object detailKey = request.getAttribute(ErrorPages.DETAIL_KEY_ATTRIBUTE);
    return pages.render(
        request, response, status(request), detailKey instanceof String key ? key : null);
  }

  @RequestMapping("/error")
  ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
    HttpStatusCode status = HttpStatusCode.valueOf(status(request));
    ProblemDetail problem =
        problems.of(
            status, Problems.codeFor(status), ctxFactory.forRequest(request).i18n().locale());
    problem.setInstance(instance(request));
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /** The address that failed (not {@code /error}), as the client sent it. */
  private static URI instance(HttpServletRequest request) {
    if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
      try {
        return URI.create(uri);
      } catch (IllegalArgumentException notAUri) {
        return null;
      }
    }
    return null;
  }

  private static int status(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    return code instanceof Integer i ? i : 500;
  }
}

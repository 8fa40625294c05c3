package org.guildhall.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.guildhall.platform.DomainException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/** Business refusals on pages become a proper error page with the right status, never a 500. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorAdvice {

  private final ErrorPages pages;

  PageErrorAdvice(ErrorPages pages) {
    this.pages = pages;
  }

  @ExceptionHandler(DomainException.class)
  ModelAndView domain(DomainException e, HttpServletRequest request, HttpServletResponse response) {
    return pages.render(request, response, e.status().value(), "problem." + e.code(), e.args());
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response) {
    return pages.render(request, response, 413, "problem.upload-too-large");
  }
}

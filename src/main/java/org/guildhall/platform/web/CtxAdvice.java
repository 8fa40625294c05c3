package org.guildhall.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Adds {@code ctx} to the model of every page controller. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class CtxAdvice {

  private final CtxFactory factory;

  CtxAdvice(CtxFactory factory) {
    this.factory = factory;
  }

  @ModelAttribute("ctx")
  Ctx ctx(HttpServletRequest request) {
    return factory.forRequest(request);
  }
}

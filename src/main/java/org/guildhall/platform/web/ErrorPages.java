package org.guildhall.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/** Renders the shared error page ({@code error/page.jte}) for a status. */
@Component
public class ErrorPages {

  /**
   * Request attribute naming the message key of the error page's text, for errors raised before a
   * controller runs (a security filter's refusal): the page explains that case instead of the
   * status's general text.
   */
  public static final String DETAIL_KEY_ATTRIBUTE = ErrorPages.class.getName() + ".detailKey";

  private final CtxFactory ctxFactory;

  ErrorPages(CtxFactory ctxFactory) {
    this.ctxFactory = ctxFactory;
  }

  public ModelAndView render(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String detailKey,
      Object... args) {
    Ctx ctx = ctxFactory.forRequest(request);
    int shown =
        switch (status) {
          case 401, 403, 404, 405, 409, 413, 415, 422, 429 -> status;
          default -> status >= 500 ? 500 : 400;
        };
    response.setStatus(status);
    String detail =
        detailKey == null ? ctx.msg("error." + shown + ".text") : ctx.msg(detailKey, args);
    return new ModelAndView("error/page", Map.of("ctx", ctx, "status", shown, "detail", detail));
  }
}

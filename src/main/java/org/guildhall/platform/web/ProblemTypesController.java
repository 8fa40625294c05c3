package org.guildhall.platform.web;

import java.util.Map;
import java.util.regex.Pattern;
import org.guildhall.platform.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page behind every problem {@code type} of the API ({@code /problems/<code>}): what the
 * problem means, in the reader's language, and how a problem answer is built. A code that no
 * problem uses is a 404, so a type URI resolves exactly when the API can answer with it.
 */
@Controller
class ProblemTypesController {

  /** Codes are lower case words with dashes, optionally dotted ({@code content.error.stale}). */
  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9.-]{0,80}");

  private final MessageSource messages;

  ProblemTypesController(MessageSource messages) {
    this.messages = messages;
  }

  @GetMapping("/problems/{code}")
  ModelAndView type(@ModelAttribute("ctx") Ctx ctx, @PathVariable String code) {
    if (!CODE.matcher(code).matches()
        || messages.getMessage("problem." + code + ".title", null, null, ctx.i18n().locale())
            == null) {
      throw DomainException.notFound("page-not-found");
    }
    // Placeholders of the detail ({0}: a size, a name) stand for what the real answer fills in.
    String detail = ctx.msg("problem." + code, "…", "…", "…");
    return new ModelAndView(
        "error/problem-type",
        Map.of(
            "ctx",
            ctx,
            "code",
            code,
            "title",
            ctx.msg("problem." + code + ".title"),
            "detail",
            detail));
  }
}

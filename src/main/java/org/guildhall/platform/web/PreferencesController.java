package org.guildhall.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.guildhall.platform.i18n.LanguageChosen;
import org.guildhall.platform.i18n.Languages;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** The language switch in the header: sets the language cookie and returns to the same page. */
@Controller
class PreferencesController {

  private final LocaleResolver localeResolver;
  private final ApplicationEventPublisher events;

  PreferencesController(LocaleResolver localeResolver, ApplicationEventPublisher events) {
    this.localeResolver = localeResolver;
    this.events = events;
  }

  @GetMapping("/lang")
  String switchLanguage(
      @RequestParam("to") String to,
      @RequestParam(name = "return", required = false) String returnTo,
      Authentication authentication,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (Languages.isSupportedTag(to)) {
      localeResolver.setLocale(request, response, Languages.resolve(to));
      if (authentication != null
          && authentication.getPrincipal() instanceof AuthenticatedAccount account) {
        events.publishEvent(new LanguageChosen(account.accountId(), to));
      }
    }
    return "redirect:" + SafeRedirects.localPathOr(returnTo, "/");
  }
}

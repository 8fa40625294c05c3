package org.guildhall.identity.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guildhall.identity.AccountId;
import org.guildhall.identity.internal.AccountService;
import org.guildhall.identity.internal.RegistrationThrottle;
import org.guildhall.identity.internal.SignInHandlers;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.web.AuthenticatedAccount;
import org.guildhall.platform.web.Ctx;
import org.guildhall.platform.web.Flash;
import org.guildhall.platform.web.FormErrors;
import org.guildhall.platform.web.SafeRedirects;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sign-in page, registration, e-mail verification and password reset. */
@Controller
class AuthController {

  private final AccountService accounts;
  private final RegistrationThrottle throttle;

  AuthController(AccountService accounts, RegistrationThrottle throttle) {
    this.accounts = accounts;
    this.throttle = throttle;
  }

  @GetMapping("/login")
  String login(
      @ModelAttribute("ctx") Ctx ctx,
      @RequestParam(required = false) String error,
      @RequestParam(required = false) String expired,
      @RequestParam(required = false) String email,
      @CookieValue(name = SignInHandlers.EMAIL_COOKIE, required = false) String triedEmail,
      HttpServletResponse response,
      @RequestParam(required = false) String next,
      Model model) {
    if (ctx.signedIn()) {
      return "redirect:" + SafeRedirects.localPathOr(next, "/");
    }
    if (triedEmail != null) {
      // Shown once: the e-mail of the sign-in that just failed.
      if (email == null && error != null) {
        email = triedEmail; // @CookieValue has decoded it already
      }
      Cookie spent = new Cookie(SignInHandlers.EMAIL_COOKIE, "");
      spent.setPath("/login");
      spent.setMaxAge(0);
      response.addCookie(spent);
    }
    String errorText = null;
    if (error != null) {
      errorText =
          switch (error) {
            case "throttled" -> ctx.msg("identity.login.error.throttled");
            case "banned" -> banned(ctx, model);
            default -> ctx.msg("identity.login.error.credentials");
          };
    }
    model.addAttribute("error", errorText);
    model.addAttribute("notice", expired != null ? ctx.msg("identity.login.expired") : null);
    model.addAttribute("email", email);
    // Where to go after signing in (an htmx request that found its session expired names its page).
    model.addAttribute("next", SafeRedirects.localPathOr(next, null));
    return "identity/login";
  }

  /**
   * The suspension message; with the end date and the reason, each on a line of its own, when the
   * sign-in that led here had the right password (they come as flash attributes, never in the
   * address).
   */
  private static String banned(Ctx ctx, Model model) {
    List<String> details = new ArrayList<>();
    if (model.getAttribute(SignInHandlers.BAN_UNTIL) instanceof Instant until) {
      details.add(ctx.msg("identity.login.error.banned.until", ctx.dateTime(until)));
    }
    if (model.getAttribute(SignInHandlers.BAN_REASON) instanceof String reason
        && !reason.isBlank()) {
      details.add(ctx.msg("identity.login.error.banned.reason", reason));
    }
    model.addAttribute("errorDetails", details);
    return ctx.msg("identity.login.error.banned");
  }

  @GetMapping("/register")
  String registerForm(@ModelAttribute("ctx") Ctx ctx, Model model) {
    if (ctx.signedIn()) {
      return "redirect:/";
    }
    model.addAttribute("form", RegisterForm.empty());
    model.addAttribute("errors", FormErrors.none());
    return "identity/register";
  }

  @PostMapping("/register")
  ModelAndView register(
      @ModelAttribute("ctx") Ctx ctx, RegisterForm form, HttpServletRequest request) {
    RegisterForm shown = new RegisterForm(form.email(), "", form.displayName());
    if (!throttle.allow(request, form.email())) {
      return registerPage(
          ctx,
          shown,
          FormErrors.global(ctx.msg("problem.too-many-requests")),
          HttpStatus.TOO_MANY_REQUESTS);
    }
    try {
      accounts.register(form.email(), form.password(), form.displayName(), ctx.lang());
    } catch (DomainException e) {
      return registerPage(ctx, shown, FormErrors.of(e, ctx), HttpStatus.UNPROCESSABLE_ENTITY);
    }
    return notice(
        ctx,
        ctx.msg("identity.register.done.title"),
        ctx.msg("identity.register.done.text", form.email().strip()),
        "/login?email="
            + java.net.URLEncoder.encode(
                form.email().strip(), java.nio.charset.StandardCharsets.UTF_8),
        ctx.msg("nav.sign-in"),
        "success");
  }

  @GetMapping("/verify")
  ModelAndView verify(
      @ModelAttribute("ctx") Ctx ctx,
      @RequestParam(required = false) String token,
      RedirectAttributes flash) {
    Optional<AccountId> verified = accounts.verifyEmail(token);
    if (verified.isEmpty()) {
      ModelAndView page =
          notice(
              ctx,
              ctx.msg("identity.verify.invalid.title"),
              ctx.msg("identity.verify.invalid.text"),
              ctx.signedIn() ? "/settings/account" : "/login",
              ctx.signedIn() ? ctx.msg("nav.settings") : ctx.msg("nav.sign-in"),
              "warning");
      page.setStatus(HttpStatus.GONE);
      return page;
    }
    Flash.success(flash, "identity.verify.done");
    return new ModelAndView(ctx.signedIn() ? "redirect:/" : "redirect:/login?verified");
  }

  @PostMapping("/verify/resend")
  String resend(@AuthenticationPrincipal AuthenticatedAccount account, RedirectAttributes flash) {
    accounts.resendVerification(new AccountId(account.accountId()));
    Flash.info(flash, "identity.verify.resent");
    return "redirect:/";
  }

  @GetMapping("/forgot")
  String forgotForm(Model model) {
    model.addAttribute("email", "");
    model.addAttribute("errors", FormErrors.none());
    return "identity/forgot";
  }

  @PostMapping("/forgot")
  ModelAndView forgot(
      @ModelAttribute("ctx") Ctx ctx,
      @RequestParam(defaultValue = "") String email,
      HttpServletRequest request) {
    if (email.isBlank()) {
      Map<String, Object> model = new HashMap<>();
      model.put("ctx", ctx);
      model.put("email", email);
      model.put(
          "errors",
          FormErrors.of(DomainException.invalidField("email", "validation.email.required"), ctx));
      return new ModelAndView("identity/forgot", model, HttpStatus.UNPROCESSABLE_ENTITY);
    }
    if (throttle.allow(request, email)) {
      accounts.requestPasswordReset(email);
    }
    return notice(
        ctx,
        ctx.msg("identity.forgot.done.title"),
        ctx.msg("identity.forgot.done.text"),
        "/login",
        ctx.msg("identity.back-to-sign-in"),
        "info");
  }

  @GetMapping("/reset")
  ModelAndView resetForm(
      @ModelAttribute("ctx") Ctx ctx, @RequestParam(required = false) String token) {
    if (!accounts.isUsableResetToken(token)) {
      return invalidResetLink(ctx);
    }
    Map<String, Object> model = new HashMap<>();
    model.put("ctx", ctx);
    model.put("token", token);
    model.put("errors", FormErrors.none());
    return new ModelAndView("identity/reset", model);
  }

  @PostMapping("/reset")
  ModelAndView reset(
      @ModelAttribute("ctx") Ctx ctx,
      @RequestParam(defaultValue = "") String token,
      @RequestParam(defaultValue = "") String password,
      RedirectAttributes flash) {
    try {
      accounts.resetPassword(token, password);
    } catch (DomainException e) {
      if (e.fieldErrors().isEmpty()) {
        return invalidResetLink(ctx);
      }
      Map<String, Object> model = new HashMap<>();
      model.put("ctx", ctx);
      model.put("token", token);
      model.put("errors", FormErrors.of(e, ctx));
      return new ModelAndView("identity/reset", model, HttpStatus.UNPROCESSABLE_ENTITY);
    }
    Flash.success(flash, "identity.reset.done");
    return new ModelAndView("redirect:/login");
  }

  private ModelAndView invalidResetLink(Ctx ctx) {
    ModelAndView page =
        notice(
            ctx,
            ctx.msg("identity.reset.invalid.title"),
            ctx.msg("identity.reset.invalid.text"),
            "/forgot",
            ctx.msg("identity.reset.again"),
            "warning");
    page.setStatus(HttpStatus.GONE);
    return page;
  }

  private static ModelAndView registerPage(
      Ctx ctx, RegisterForm form, FormErrors errors, HttpStatus status) {
    Map<String, Object> model = new HashMap<>();
    model.put("ctx", ctx);
    model.put("form", form);
    model.put("errors", errors);
    return new ModelAndView("identity/register", model, status);
  }

  static ModelAndView notice(
      Ctx ctx, String title, String text, String actionUrl, String actionLabel, String tone) {
    Map<String, Object> model = new HashMap<>();
    model.put("ctx", ctx);
    model.put("title", title);
    model.put("text", text);
    model.put("actionUrl", actionUrl);
    model.put("actionLabel", actionLabel);
    model.put("tone", tone);
    return new ModelAndView("identity/notice", model);
  }
}

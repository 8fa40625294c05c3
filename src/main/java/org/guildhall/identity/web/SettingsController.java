package org.guildhall.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guildhall.identity.AccountId;
import org.guildhall.identity.internal.AccessTokenService;
import org.guildhall.identity.internal.AccountQueries;
import org.guildhall.identity.internal.AccountQueries.OwnSettings;
import org.guildhall.identity.internal.AccountService;
import org.guildhall.identity.internal.AvatarService;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.i18n.Languages;
import org.guildhall.platform.web.AuthenticatedAccount;
import org.guildhall.platform.web.Ctx;
import org.guildhall.platform.web.Flash;
import org.guildhall.platform.web.FormErrors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The member's own settings: profile, e-mail and password, API tokens. */
@Controller
class SettingsController {

  /** UTC first, then the region/city zones in alphabetical order. */
  static final List<String> TIME_ZONES =
      java.util.stream.Stream.concat(
              java.util.stream.Stream.of("UTC"),
              ZoneId.getAvailableZoneIds().stream()
                  .filter(
                      z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
                  .sorted())
          .toList();

  private final AccountService accounts;
  private final AccountQueries queries;
  private final AvatarService avatars;
  private final AccessTokenService tokens;
  private final LocaleResolver localeResolver;

  SettingsController(
      AccountService accounts,
      AccountQueries queries,
      AvatarService avatars,
      AccessTokenService tokens,
      LocaleResolver localeResolver) {
    this.accounts = accounts;
    this.queries = queries;
    this.avatars = avatars;
    this.tokens = tokens;
    this.localeResolver = localeResolver;
  }

  @GetMapping({"/settings", "/settings/"})
  String settings() {
    return "redirect:/settings/profile";
  }

  @GetMapping("/settings/profile")
  ModelAndView profile(
      @ModelAttribute("ctx") Ctx ctx, @AuthenticationPrincipal AuthenticatedAccount me) {
    OwnSettings own = own(me);
    ProfileForm form =
        new ProfileForm(
            own.displayName(),
            own.bio(),
            String.join("\n", own.links()),
            own.timeZone(),
            own.language());
    return profilePage(ctx, form, own.avatarUrl(), FormErrors.none(), HttpStatus.OK);
  }

  @PostMapping("/settings/profile")
  ModelAndView saveProfile(
      @ModelAttribute("ctx") Ctx ctx,
      @AuthenticationPrincipal AuthenticatedAccount me,
      ProfileForm form,
      @RequestParam(name = "avatar", required = false) MultipartFile avatar,
      @RequestParam(name = "removeAvatar", defaultValue = "false") boolean removeAvatar,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes flash)
      throws IOException {
    AccountId id = new AccountId(me.accountId());
    List<String> links =
        form.links() == null
            ? List.of()
            : Arrays.stream(form.links().split("\\R"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    try {
      // Check the picture first so that a bad one changes nothing at all.
      byte[] picture = null;
      if (avatar != null && !avatar.isEmpty()) {
        avatars.checkSize(avatar.getSize());
        picture = avatars.prepare(avatar.getBytes());
      }
      accounts.updateProfile(
          id, form.displayName(), form.bio(), links, form.timeZone(), form.language());
      if (picture != null) {
        avatars.install(id, picture);
      } else if (removeAvatar) {
        avatars.remove(id);
      }
    } catch (DomainException e) {
      return profilePage(ctx, form, own(me).avatarUrl(), FormErrors.of(e, ctx), e.status());
    }
    // The pages follow the language just chosen, as the language switch does.
    localeResolver.setLocale(request, response, Languages.resolve(form.language()));
    Flash.success(flash, "settings.profile.saved");
    return new ModelAndView("redirect:/settings/profile");
  }

  @GetMapping("/settings/account")
  ModelAndView account(
      @ModelAttribute("ctx") Ctx ctx, @AuthenticationPrincipal AuthenticatedAccount me) {
    return accountPage(ctx, me, "", FormErrors.none(), FormErrors.none(), HttpStatus.OK);
  }

  @PostMapping("/settings/email")
  ModelAndView changeEmail(
      @ModelAttribute("ctx") Ctx ctx,
      @AuthenticationPrincipal AuthenticatedAccount me,
      @RequestParam(defaultValue = "") String newEmail,
      @RequestParam(defaultValue = "") String currentPassword,
      RedirectAttributes flash) {
    try {
      accounts.requestEmailChange(new AccountId(me.accountId()), currentPassword, newEmail);
    } catch (DomainException e) {
      return accountPage(
          ctx,
          me,
          newEmail,
          FormErrors.of(e, ctx),
          FormErrors.none(),
          HttpStatus.UNPROCESSABLE_ENTITY);
    }
    Flash.info(flash, "settings.account.email-link-sent", newEmail.strip());
    return new ModelAndView("redirect:/settings/account");
  }

  @GetMapping("/settings/email/confirm")
  String confirmEmail(@RequestParam(required = false) String token, RedirectAttributes flash) {
    try {
      if (accounts.confirmEmailChange(token).isPresent()) {
        Flash.success(flash, "settings.account.email-changed");
      } else {
        Flash.error(flash, "settings.account.email-link-invalid");
      }
    } catch (DomainException e) {
      Flash.error(flash, "problem." + e.code());
    }
    return "redirect:/settings/account";
  }

  @PostMapping("/settings/password")
  ModelAndView changePassword(
      @ModelAttribute("ctx") Ctx ctx,
      @AuthenticationPrincipal AuthenticatedAccount me,
      @RequestParam(defaultValue = "") String currentPassword,
      @RequestParam(defaultValue = "") String newPassword,
      HttpSession session,
      RedirectAttributes flash) {
    try {
      accounts.changePassword(
          new AccountId(me.accountId()), currentPassword, newPassword, session.getId());
    } catch (DomainException e) {
      return accountPage(
          ctx, me, "", FormErrors.none(), FormErrors.of(e, ctx), HttpStatus.UNPROCESSABLE_ENTITY);
    }
    Flash.success(flash, "settings.account.password-changed");
    return new ModelAndView("redirect:/settings/account");
  }

  @GetMapping("/settings/tokens")
  ModelAndView tokens(
      @ModelAttribute("ctx") Ctx ctx, @AuthenticationPrincipal AuthenticatedAccount me) {
    return tokensPage(ctx, me, null, FormErrors.none(), HttpStatus.OK);
  }

  @PostMapping("/settings/tokens")
  ModelAndView createToken(
      @ModelAttribute("ctx") Ctx ctx,
      @AuthenticationPrincipal AuthenticatedAccount me,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String validDays) {
    try {
      Integer days = null;
      if (!validDays.isBlank()) {
        try {
          days = Integer.valueOf(validDays.strip());
        } catch (NumberFormatException e) {
          throw DomainException.invalidField("validDays", "validation.token.days");
        }
      }
      String secret = tokens.create(new AccountId(me.accountId()), name, days);
      return tokensPage(ctx, me, secret, FormErrors.none(), HttpStatus.CREATED);
    } catch (DomainException e) {
      return tokensPage(ctx, me, null, FormErrors.of(e, ctx), HttpStatus.UNPROCESSABLE_ENTITY);
    }
  }

  @PostMapping("/settings/tokens/{id}/revoke")
  String revokeToken(
      @AuthenticationPrincipal AuthenticatedAccount me,
      @PathVariable UUID id,
      RedirectAttributes flash) {
    tokens.revoke(new AccountId(me.accountId()), id);
    Flash.success(flash, "settings.tokens.revoked");
    return "redirect:/settings/tokens";
  }

  private OwnSettings own(AuthenticatedAccount me) {
    return queries
        .ownSettings(new AccountId(me.accountId()))
        .orElseThrow(() -> DomainException.notFound("account-not-found"));
  }

  private ModelAndView profilePage(
      Ctx ctx, ProfileForm form, String avatarUrl, FormErrors errors, HttpStatus status) {
    Map<String, Object> model = new HashMap<>();
    model.put("ctx", ctx);
    model.put("form", form);
    model.put("avatarUrl", avatarUrl);
    model.put("timeZones", TIME_ZONES);
    model.put("errors", errors);
    return new ModelAndView("settings/profile", model, status);
  }

  private ModelAndView accountPage(
      Ctx ctx,
      AuthenticatedAccount me,
      String newEmail,
      FormErrors emailErrors,
      FormErrors passwordErrors,
      HttpStatus status) {
    OwnSettings own = own(me);
    Map<String, Object> model = new HashMap<>();
    model.put("ctx", ctx);
    model.put("email", own.email());
    model.put("verified", own.verified());
    model.put("newEmail", newEmail);
    model.put("emailErrors", emailErrors);
    model.put("passwordErrors", passwordErrors);
    return new ModelAndView("settings/account", model, status);
  }

  private ModelAndView tokensPage(
      Ctx ctx, AuthenticatedAccount me, String secret, FormErrors errors, HttpStatus status) {
    Map<String, Object> model = new HashMap<>();
    model.put("ctx", ctx);
    model.put("tokens", tokens.list(new AccountId(me.accountId())));
    model.put("createdSecret", secret);
    model.put("errors", errors);
    return new ModelAndView("settings/tokens", model, status);
  }
}

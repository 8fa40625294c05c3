package org.guildhall.admin.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.guildhall.identity.AccountId;
import org.guildhall.identity.AccountSummary;
import org.guildhall.identity.IdentityApi;
import org.guildhall.identity.Role;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.web.AuthenticatedAccount;
import org.guildhall.platform.web.Ctx;
import org.guildhall.platform.web.Flash;
import org.guildhall.platform.web.FormErrors;
import org.guildhall.shared.paging.KeysetPage;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's member list: search, filter by role, change roles, ban and unban. */
@Controller
class AdminUsersController {

  static final int PAGE_SIZE = 25;
  private final IdentityApi identity;

  AdminUsersController(IdentityApi identity) {
    this.identity = identity;
  }

  @GetMapping("/admin")
  String overview() {
    return "admin/index";
  }

  @GetMapping("/admin/users")
  ModelAndView users(
      @ModelAttribute("ctx") Ctx ctx,
      @RequestParam(name = "q", defaultValue = "") String query,
      @RequestParam(name = "role", defaultValue = "") String role,
      @RequestParam(name = "after", required = false) String after,
      @RequestHeader(name = "HX-Request", required = false) String htmx) {
    Role roleFilter = parseRole(role);
    KeysetPage<AccountSummary> page = identity.search(query, roleFilter, after, PAGE_SIZE);
    Map<String, Object> model = new HashMap<>();
    model.put("ctx", ctx);
    model.put("page", page);
    model.put("query", query);
    model.put("role", roleFilter == null ? "" : roleFilter.name());
    model.put("roles", List.of(Role.values()));
    // htmx "load more" asks for the next rows only.
    return new ModelAndView(
        "true".equals(htmx) && after != null ? "admin/users-rows" : "admin/users", model);
  }

  @GetMapping("/admin/users/{id}")
  ModelAndView user(@ModelAttribute("ctx") Ctx ctx, @PathVariable UUID id) {
    return userPage(ctx, load(id), FormErrors.none(), "", "", HttpStatus.OK);
  }

  @PostMapping("/admin/users/{id}/roles")
  ModelAndView setRoles(
      @ModelAttribute("ctx") Ctx ctx,
      @AuthenticationPrincipal AuthenticatedAccount me,
      @PathVariable UUID id,
      @RequestParam(name = "roles", required = false) List<String> roles,
      RedirectAttributes flash) {
    Set<Role> requested = EnumSet.noneOf(Role.class);
    if (roles != null) {
      for (String r : roles) {
        Role parsed = parseRole(r);
        if (parsed != null) {
          requested.add(parsed);
        }
      }
    }
    try {
      identity.setRoles(new AccountId(me.accountId()), new AccountId(id), requested);
    } catch (DomainException e) {
      return userPage(ctx, load(id), FormErrors.of(e, ctx), "", "", e.status());
    }
    Flash.success(flash, "admin.users.roles-saved");
    return new ModelAndView("redirect:/admin/users/" + id);
  }

  @PostMapping("/admin/users/{id}/ban")
  ModelAndView ban(
      @ModelAttribute("ctx") Ctx ctx,
      @AuthenticationPrincipal AuthenticatedAccount me,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String reason,
      @RequestParam(defaultValue = "") String until,
      RedirectAttributes flash) {
    try {
      java.time.Instant end = null;
      if (!until.isBlank()) {
        try {
          // The end date is a day in the owner's time zone; the ban ends at its start.
          end = LocalDate.parse(until).atStartOfDay(zone(ctx)).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
          throw DomainException.invalidField("until", "validation.ban.until-invalid");
        }
      }
      identity.ban(new AccountId(me.accountId()), new AccountId(id), reason, end);
    } catch (DomainException e) {
      // The form keeps what the owner typed, so fixing the date does not mean retyping the reason.
      return userPage(ctx, load(id), FormErrors.of(e, ctx), reason, until, e.status());
    }
    Flash.success(flash, "admin.users.banned");
    return new ModelAndView("redirect:/admin/users/" + id);
  }

  @PostMapping("/admin/users/{id}/unban")
  String unban(
      @AuthenticationPrincipal AuthenticatedAccount me,
      @PathVariable UUID id,
      RedirectAttributes flash) {
    identity.unban(new AccountId(me.accountId()), new AccountId(id));
    Flash.success(flash, "admin.users.unbanned");
    return "redirect:/admin/users/" + id;
  }

  private AccountSummary load(UUID id) {
    return identity
        .find(new AccountId(id))
        .orElseThrow(() -> DomainException.notFound("member-not-found"));
  }

  private static ZoneId zone(Ctx ctx) {
    return ctx.i18n().zone();
  }

  private static ModelAndView userPage(
      Ctx ctx,
      AccountSummary account,
      FormErrors errors,
      String banReason,
      String banUntil,
      HttpStatus status) {
    Map<String, Object> model = new HashMap<>();
    model.put("ctx", ctx);
    model.put("account", account);
    model.put("banReason", banReason);
    model.put("banUntil", banUntil);
    model.put("assignable", List.of(Role.EXPERT, Role.VOLUNTEER, Role.MODERATOR, Role.OWNER));
    model.put("errors", errors);
    return new ModelAndView("admin/user", model, status);
  }

  private static Role parseRole(String role) {
    if (role == null || role.isBlank()) {
      return null;
    }
    try {
      return Role.valueOf(role);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}

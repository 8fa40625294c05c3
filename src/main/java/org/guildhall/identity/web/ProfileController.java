package org.guildhall.identity.web;

import org.guildhall.identity.IdentityApi;
import org.guildhall.identity.PublicProfile;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.web.Ctx;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** Public profile pages, and "Me" in the navigation. */
@Controller
class ProfileController {

  private final IdentityApi identity;

  ProfileController(IdentityApi identity) {
    this.identity = identity;
  }

  @GetMapping("/u/{handle}")
  String profile(@ModelAttribute("ctx") Ctx ctx, @PathVariable String handle, Model model) {
    PublicProfile profile =
        identity.profile(handle).orElseThrow(() -> DomainException.notFound("member-not-found"));
    model.addAttribute("profile", profile);
    model.addAttribute("self", ctx.signedIn() && ctx.viewer().id().equals(profile.id().value()));
    return "identity/profile";
  }

  @GetMapping("/me")
  String me(@ModelAttribute("ctx") Ctx ctx) {
    return "redirect:/u/" + ctx.viewer().handle();
  }
}

package org.guildhall.commerce.web;

import java.util.Map;
import org.guildhall.commerce.internal.SandboxGateway;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.web.Ctx;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The sandbox gateway's hosted checkout page: what a provider's page would show, with Pay, Decline
 * and Abandon. Paying queues the signed notifications; the buyer goes back to the shop, which waits
 * for the notification like it would for a real provider.
 */
@Controller
class SandboxCheckoutController {

  private final SandboxGateway sandbox;

  SandboxCheckoutController(SandboxGateway sandbox) {
    this.sandbox = sandbox;
  }

  @GetMapping("/pay/sandbox/{session}")
  ModelAndView page(@ModelAttribute("ctx") Ctx ctx, @PathVariable String session) {
    var s =
        sandbox.session(session).orElseThrow(() -> DomainException.notFound("checkout-not-found"));
    return new ModelAndView("commerce/sandbox", Map.of("ctx", ctx, "session", s));
  }

  @PostMapping("/pay/sandbox/{session}")
  String act(@PathVariable String session, @RequestParam("action") String action) {
    var s =
        sandbox.session(session).orElseThrow(() -> DomainException.notFound("checkout-not-found"));
    if ("pay".equals(action)) {
      sandbox.pay(session);
      return "redirect:" + s.returnUrl();
    }
    if ("decline".equals(action)) {
      sandbox.decline(session);
    }
    return "redirect:" + s.cancelUrl();
  }
}

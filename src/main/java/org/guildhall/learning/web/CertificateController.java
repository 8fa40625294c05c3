package org.guildhall.learning.web;

import java.util.Map;
import org.guildhall.learning.LearningApi;
import org.guildhall.platform.web.Ctx;
import org.guildhall.platform.web.QrCodes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Public certificate pages: anyone with the code (it cannot be guessed) can verify a certificate
 * and print it. An unknown code answers 404 with a page that says so and lets one check another.
 */
@Controller
class CertificateController {

  private final LearningApi learning;
  private final String baseUrl;

  CertificateController(
      LearningApi learning, @Value("${guildhall.base-url:http://localhost:8080}") String baseUrl) {
    this.learning = learning;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** The lookup form, or a typed code sent on to its page. */
  @GetMapping("/certificates")
  ModelAndView lookup(
      @ModelAttribute("ctx") Ctx ctx, @RequestParam(name = "code", required = false) String code) {
    if (code == null || code.isBlank()) {
      return lookupPage(ctx, "", HttpStatus.OK);
    }
    return new ModelAndView(
        "redirect:"
            + UriComponentsBuilder.fromPath("/certificates/{code}")
                .buildAndExpand(code.strip())
                .encode()
                .toUriString());
  }

  @GetMapping("/certificates/{code}")
  ModelAndView verify(@ModelAttribute("ctx") Ctx ctx, @PathVariable String code) {
    return learning
        .certificate(code)
        .map(
            c -> {
              if (!c.code().equals(code)) {
                return new ModelAndView("redirect:" + c.path());
              }
              return new ModelAndView(
                  "learning/certificate",
                  Map.of("ctx", ctx, "certificate", c, "verifyUrl", baseUrl + c.path()));
            })
        .orElseGet(() -> lookupPage(ctx, code, HttpStatus.NOT_FOUND));
  }

  /** The printable certificate: A4 landscape, "Save as PDF" from the browser's print dialog. */
  @GetMapping("/certificates/{code}/print")
  ModelAndView print(@ModelAttribute("ctx") Ctx ctx, @PathVariable String code) {
    return learning
        .certificate(code)
        .map(
            c -> {
              if (!c.code().equals(code)) {
                return new ModelAndView("redirect:" + c.printPath());
              }
              String url = baseUrl + c.path();
              return new ModelAndView(
                  "learning/certificate-print",
                  Map.of(
                      "ctx",
                      ctx,
                      "certificate",
                      c,
                      "verifyUrl",
                      url,
                      "qr",
                      QrCodes.svg(url, ctx.msg("learning.certificate.qr"))));
            })
        .orElseGet(() -> lookupPage(ctx, code, HttpStatus.NOT_FOUND));
  }

  private static ModelAndView lookupPage(Ctx ctx, String code, HttpStatus status) {
    ModelAndView mav =
        new ModelAndView(
            "learning/certificate-lookup",
            Map.of(
                "ctx",
                ctx,
                "code",
                code.length() > 40 ? code.substring(0, 40) : code,
                "notFound",
                status == HttpStatus.NOT_FOUND));
    mav.setStatus(status);
    return mav;
  }
}

package org.guildhall.notification.internal;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.guildhall.platform.i18n.Languages;
import org.guildhall.platform.web.Ctx;
import org.guildhall.platform.web.CtxFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes each kind of mail in the member's language: subject, HTML body (from the JTE templates
 * under {@code mail/}) and a plain-text body with the same words. Every text is a message key in
 * {@code i18n/notification_*.properties}; links are absolute, built from {@code
 * guildhall.base-url}.
 */
@Component
class MailComposer {

  static final String TEMPLATE = "mail/message.jte";

  private final TemplateEngine templates;
  private final CtxFactory contexts;
  private final Clock clock;
  private final String baseUrl;

  MailComposer(
      TemplateEngine templates,
      CtxFactory contexts,
      Clock clock,
      @Value("${guildhall.base-url:http://localhost:8080}") String baseUrl) {
    this.templates = templates;
    this.contexts = contexts;
    this.clock = clock;
    this.baseUrl = stripTrailingSlashes(baseUrl);
  }

  ComposedMail verifyEmail(Locale locale, String name, String token, Instant expiresAt) {
    return linkMail(locale, "mail.verify", name, "/verify", token, expiresAt);
  }

  ComposedMail passwordReset(Locale locale, String name, String token, Instant expiresAt) {
    return linkMail(locale, "mail.reset", name, "/reset", token, expiresAt);
  }

  ComposedMail emailChange(
      Locale locale, String name, String newEmail, String token, Instant expiresAt) {
    return linkMail(
        locale, "mail.email-change", name, "/settings/email/confirm", token, expiresAt, newEmail);
  }

  /**
   * A mail whose point is one time-limited link: subject, intro, button and closing line come from
   * the keys under {@code prefix}; the intro gets the community name and {@code introArgs}.
   */
  private ComposedMail linkMail(
      Locale locale,
      String prefix,
      String name,
      String path,
      String token,
      Instant expiresAt,
      Object... introArgs) {
    Ctx ctx = contexts.forMail(locale);
    Object[] args = new Object[introArgs.length + 1];
    args[0] = ctx.appName();
    System.arraycopy(introArgs, 0, args, 1, introArgs.length);
    return render(
        ctx,
        new MailContent(
            ctx.msg(prefix + ".subject", ctx.appName()),
            greeting(ctx, name),
            List.of(ctx.msg(prefix + ".intro", args)),
            ctx.msg(prefix + ".action"),
            link(path, token),
            List.of(validity(ctx, expiresAt), ctx.msg(prefix + ".ignore"))));
  }

  ComposedMail passwordChanged(Locale locale, String name, Instant at) {
    Ctx ctx = contexts.forMail(locale);
    return render(
        ctx,
        new MailContent(
            ctx.msg("mail.password-changed.subject", ctx.appName()),
            greeting(ctx, name),
            List.of(
                ctx.msg("mail.password-changed.intro", ctx.appName(), when(ctx, at)),
                ctx.msg("mail.password-changed.not-you")),
            ctx.msg("mail.password-changed.action"),
            baseUrl + "/forgot",
            List.of(ctx.msg("mail.notice.no-action"))));
  }

  ComposedMail emailChanged(
      Locale locale, String name, String oldEmail, String newEmail, Instant at) {
    Ctx ctx = contexts.forMail(locale);
    return render(
        ctx,
        new MailContent(
            ctx.msg("mail.email-changed.subject", ctx.appName()),
            greeting(ctx, name),
            List.of(
                ctx.msg(
                    "mail.email-changed.intro", ctx.appName(), oldEmail, newEmail, when(ctx, at)),
                ctx.msg("mail.email-changed.not-you")),
            null,
            null,
            List.of(ctx.msg("mail.email-changed.old-address"))));
  }

  /**
   * A notice: subject and paragraphs already in the member's words, an optional button to a path of
   * this site, and small print.
   */
  ComposedMail notice(
      Ctx ctx,
      String subject,
      String name,
      List<String> paragraphs,
      String actionLabel,
      String actionPath,
      List<String> notes) {
    return render(
        ctx,
        new MailContent(
            subject,
            greeting(ctx, name),
            paragraphs,
            actionLabel,
            actionPath == null ? null : baseUrl + actionPath,
            notes));
  }

  Ctx context(Locale locale) {
    return contexts.forMail(locale);
  }

  /** Renders the HTML version from the template and the text version from the same words. */
  ComposedMail render(Ctx ctx, MailContent content) {
    StringOutput html = new StringOutput();
    templates.render(TEMPLATE, Map.of("ctx", ctx, "mail", content, "homeUrl", baseUrl + "/"), html);
    return new ComposedMail(
        Languages.tag(ctx.i18n().locale()), content.subject(), html.toString(), text(ctx, content));
  }

  private String text(Ctx ctx, MailContent content) {
    List<String> blocks = new ArrayList<>();
    blocks.add(content.greeting());
    blocks.addAll(content.paragraphs());
    if (content.hasAction()) {
      blocks.add(ctx.msg("mail.text.action", content.actionLabel()) + "\n" + content.actionUrl());
    }
    blocks.addAll(content.notes());
    blocks.add("-- \n" + ctx.msg("mail.footer", ctx.appName()) + "\n" + baseUrl + "/");
    return String.join("\n\n", blocks) + "\n";
  }

  private static String greeting(Ctx ctx, String name) {
    return name == null || name.isBlank()
        ? ctx.msg("mail.greeting.anonymous")
        : ctx.msg("mail.greeting", name.strip());
  }

  /** "This link expires in 48 hours." — counted from now, so a late mail does not overstate it. */
  private String validity(Ctx ctx, Instant expiresAt) {
    long seconds = Duration.between(clock.instant(), expiresAt).toSeconds();
    long minutes = Math.max(1, Math.round(seconds / 60.0));
    if (minutes >= 120) {
      return ctx.msg("mail.expires.hours", Math.round(minutes / 60.0));
    }
    return ctx.msg("mail.expires.minutes", minutes);
  }

  /** A date and time with its UTC offset, since the reader may live anywhere. */
  private static String when(Ctx ctx, Instant at) {
    ZoneOffset offset = ctx.i18n().zone().getRules().getOffset(at);
    String utc = offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId();
    return ctx.dateTime(at) + " (" + utc + ")";
  }

  private String link(String path, String token) {
    return baseUrl + path + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }

  private static String stripTrailingSlashes(String url) {
    String value = url == null || url.isBlank() ? "http://localhost:8080" : url.strip();
    while (value.endsWith("/")) {
      value = value.substring(0, value.length() - 1);
    }
    return value;
  }
}

package org.guildhall.platform.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.guildhall.platform.i18n.I18n;
import org.guildhall.platform.i18n.Languages;
import org.guildhall.shared.Money;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * Everything a page template needs besides its own data: messages, the viewer, the CSRF token,
 * theme and language. Every page and fragment template takes it as {@code @param Ctx ctx}; it is
 * added to every model by {@link CtxAdvice}.
 */
public record Ctx(
    String appName,
    I18n i18n,
    Viewer viewer,
    CsrfToken csrf,
    String theme,
    String path,
    String pathWithQuery,
    Flash flash) {

  public String msg(String key, Object... args) {
    return i18n.msg(key, args);
  }

  public String dateTime(Instant instant) {
    return i18n.dateTime(instant);
  }

  public String date(Instant instant) {
    return i18n.date(instant);
  }

  public String money(Money money) {
    return i18n.money(money);
  }

  /** "zh-CN" or "en", for {@code <html lang>} and the language switch. */
  public String lang() {
    return Languages.tag(i18n.locale());
  }

  public boolean isChinese() {
    return "zh".equals(i18n.locale().getLanguage());
  }

  public boolean signedIn() {
    return viewer != null;
  }

  public boolean isOwner() {
    return viewer != null && viewer.isOwner();
  }

  public boolean isStaff() {
    return viewer != null && viewer.isStaff();
  }

  public String csrfParam() {
    return csrf == null ? "_csrf" : csrf.getParameterName();
  }

  public String csrfHeader() {
    return csrf == null ? "X-CSRF-TOKEN" : csrf.getHeaderName();
  }

  public String csrfToken() {
    return csrf == null ? "" : csrf.getToken();
  }

  /** JSON for {@code hx-headers} so that htmx requests carry the CSRF token. */
  public String htmxHeaders() {
    return "{\"" + csrfHeader() + "\": \"" + csrfToken() + "\"}";
  }

  /** True when the current page is {@code section} or below it (for the active nav item). */
  public boolean inSection(String section) {
    if ("/".equals(section)) {
      return "/".equals(path);
    }
    return path.equals(section) || path.startsWith(section + "/");
  }

  /**
   * True on the viewer's own pages ("Me"): {@code /me}, their settings and their own public
   * profile, but not somebody else's profile.
   */
  public boolean inMe() {
    return inSection("/me")
        || inSection("/settings")
        || (viewer != null && inSection("/u/" + viewer.handle()));
  }

  /** Link that switches the language and comes back to this page. */
  public String switchLanguageUrl(String to) {
    return "/lang?to=" + to + "&return=" + URLEncoder.encode(pathWithQuery, StandardCharsets.UTF_8);
  }

  /** Message for the one-time flash, if any. */
  public String flashText() {
    return flash == null ? "" : i18n.msg(flash.key(), flash.args());
  }
}

package org.guildhall.platform.web;

import java.io.Serializable;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A one-time message shown at the top of the next page after a redirect. {@code key} is an i18n
 * message key; {@code level} is one of info, success, warning, error.
 */
public record Flash(String level, String key, Object[] args) implements Serializable {

  public static final String ATTRIBUTE = "flash";

  public static void success(RedirectAttributes attributes, String key, Object... args) {
    attributes.addFlashAttribute(ATTRIBUTE, new Flash("success", key, args));
  }

  public static void info(RedirectAttributes attributes, String key, Object... args) {
    attributes.addFlashAttribute(ATTRIBUTE, new Flash("info", key, args));
  }

  public static void warning(RedirectAttributes attributes, String key, Object... args) {
    attributes.addFlashAttribute(ATTRIBUTE, new Flash("warning", key, args));
  }

  public static void error(RedirectAttributes attributes, String key, Object... args) {
    attributes.addFlashAttribute(ATTRIBUTE, new Flash("error", key, args));
  }
}

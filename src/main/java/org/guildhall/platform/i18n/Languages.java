package org.guildhall.platform.i18n;

import java.util.List;
import java.util.Locale;

/** The languages every page and message exists in. */
public final class Languages {

  public static final Locale ENGLISH = Locale.ENGLISH;
  public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
  public static final List<Locale> SUPPORTED = List.of(CHINESE, ENGLISH);

  private Languages() {}

  /** Maps a language tag ("zh", "zh-CN", "zh-Hans", "en-US", …) to a supported locale. */
  public static Locale resolve(String tag) {
    if (tag == null || tag.isBlank()) {
      return ENGLISH;
    }
    Locale locale = Locale.forLanguageTag(tag.replace('_', '-'));
    return "zh".equals(locale.getLanguage()) ? CHINESE : ENGLISH;
  }

  public static boolean isSupportedTag(String tag) {
    return "en".equals(tag) || "zh-CN".equals(tag);
  }

  /** The tag stored in preferences and used in {@code <html lang>}: "zh-CN" or "en". */
  public static String tag(Locale locale) {
    return "zh".equals(locale.getLanguage()) ? "zh-CN" : "en";
  }
}

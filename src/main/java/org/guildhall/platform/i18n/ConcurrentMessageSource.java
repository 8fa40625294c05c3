package org.guildhall.platform.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Spring's {@link ResourceBundleMessageSource}, except that a message with arguments is formatted
 * with a copy of the cached {@link MessageFormat}. Spring formats with the one cached instance
 * inside {@code synchronized (messageFormat)}, so every request rendering the same message waits
 * for the others: under 64 concurrent requests on two cores the anonymous home page (about twenty
 * such messages) spent most of its time blocked there. A copy of a parsed pattern is a few array
 * copies, and nobody else ever locks it.
 */
public class ConcurrentMessageSource extends ResourceBundleMessageSource {

  @Override
  protected MessageFormat resolveCode(String code, Locale locale) {
    MessageFormat shared = super.resolveCode(code, locale);
    return shared == null ? null : (MessageFormat) shared.clone();
  }
}

package org.guildhall.platform.i18n;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The language is a cookie ({@code gh_lang}) set by the language switch and at sign-in from the
 * member's profile; without it, the browser's Accept-Language decides between Chinese and English.
 */
@Configuration(proxyBeanMethods = false)
public class LocaleConfig {

  public static final String COOKIE = "gh_lang";

  @Bean
  @ConfigurationProperties("spring.messages")
  MessageSourceProperties messageSourceProperties() {
    return new MessageSourceProperties();
  }

  /**
   * The message files ({@code spring.messages.*}, as Spring Boot would configure them), served by a
   * {@link ConcurrentMessageSource} so that concurrent pages do not queue for shared formats.
   */
  @Bean
  MessageSource messageSource(MessageSourceProperties properties) {
    ConcurrentMessageSource source = new ConcurrentMessageSource();
    source.setBasenames(properties.getBasename().toArray(String[]::new));
    if (properties.getEncoding() != null) {
      source.setDefaultEncoding(properties.getEncoding().name());
    }
    source.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
    if (properties.getCacheDuration() != null) {
      source.setCacheMillis(properties.getCacheDuration().toMillis());
    }
    source.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
    source.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
    return source;
  }

  /** Like every cookie of ours: HttpOnly, SameSite=Lax, and Secure behind HTTPS. */
  @Bean
  LocaleResolver localeResolver(
      @Value("${guildhall.security.secure-cookies:false}") boolean secureCookies) {
    CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE);
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setCookieHttpOnly(true);
    resolver.setCookieSecure(secureCookies);
    resolver.setCookieSameSite("Lax");
    resolver.setDefaultLocaleFunction(LocaleConfig::fromAcceptLanguage);
    resolver.setRejectInvalidCookies(true);
    return resolver;
  }

  public static Locale fromAcceptLanguage(HttpServletRequest request) {
    String header = request.getHeader("Accept-Language");
    if (header == null || header.isBlank()) {
      return Languages.ENGLISH;
    }
    try {
      for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
        String tag = range.getRange();
        if (tag.startsWith("zh")) {
          return Languages.CHINESE;
        }
        if (tag.startsWith("en")) {
          return Languages.ENGLISH;
        }
      }
    } catch (IllegalArgumentException malformed) {
      return Languages.ENGLISH;
    }
    return Languages.ENGLISH;
  }
}

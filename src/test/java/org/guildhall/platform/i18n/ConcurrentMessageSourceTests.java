package org.guildhall.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The application's message source formats exactly as Spring's does, but gives every caller its own
 * copy of a message's format, so that concurrent pages never share (and queue for) one.
 */
class ConcurrentMessageSourceTests {

  static final String[] BASENAMES = {"i18n/messages", "i18n/notification", "i18n/integration"};

  static <T extends ResourceBundleMessageSource> T configured(T source) {
    source.setBasenames(BASENAMES);
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    return source;
  }

  final ConcurrentMessageSource messages = configured(new ConcurrentMessageSource());
  final ResourceBundleMessageSource spring = configured(new ResourceBundleMessageSource());

  @Test
  void formatsMessagesWithArgumentsAsSpringDoes() {
    Object[][] cases = {{0}, {1}, {12}, {1234}};
    for (Locale locale : List.of(Languages.CHINESE, Languages.ENGLISH)) {
      for (Object[] args : cases) {
        assertThat(messages.getMessage("content.lessons", args, locale))
            .isEqualTo(spring.getMessage("content.lessons", args, locale));
      }
      Object[] progress = {3, 1200};
      assertThat(messages.getMessage("content.progress.of", progress, locale))
          .isEqualTo(spring.getMessage("content.progress.of", progress, locale));
      assertThat(messages.getMessage("nav.home", null, locale))
          .isEqualTo(spring.getMessage("nav.home", null, locale));
    }
    assertThat(messages.getMessage("content.lessons", new Object[] {1234}, Languages.ENGLISH))
        .isEqualTo("1,234 lessons");
  }

  @Test
  void everyCallerGetsItsOwnCopyOfAFormat() {
    var first = messages.resolveCode("content.progress.of", Languages.ENGLISH);
    var second = messages.resolveCode("content.progress.of", Languages.ENGLISH);
    assertThat(first).isNotNull().isNotSameAs(second);
    assertThat(first.toPattern()).isEqualTo(second.toPattern());
    assertThat(messages.resolveCode("no.such.key", Languages.ENGLISH)).isNull();
  }

  @Test
  void concurrentCallersGetCorrectText() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> tasks = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int offset = t;
        tasks.add(
            () -> {
              for (int i = 0; i < 2_000; i++) {
                int done = (i + offset) % 50;
                String text =
                    messages.getMessage(
                        "content.progress.of", new Object[] {done, 50}, Languages.ENGLISH);
                if (!text.equals(done + " of 50 lessons completed")) {
                  return false;
                }
              }
              return true;
            });
      }
      for (Future<Boolean> result : pool.invokeAll(tasks)) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}

package org.guildhall.support;

import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the application clock with a {@link MutableClock} and records events. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfig {

  @Bean
  @Primary
  MutableClock mutableClock() {
    return new MutableClock();
  }

  @Bean
  Clock clock(MutableClock clock) {
    return clock;
  }

  @Bean
  static SqlCounter sqlCounter() {
    return new SqlCounter();
  }

  @Bean
  CrashNextPayment crashNextPayment() {
    return new CrashNextPayment();
  }

  @Bean
  TestItems testItems() {
    return new TestItems();
  }

  @Bean
  CapturedEvents capturedEvents() {
    return new CapturedEvents();
  }
}

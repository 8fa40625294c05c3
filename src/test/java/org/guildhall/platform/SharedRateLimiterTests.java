package org.guildhall.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.UUID;
import org.guildhall.platform.ratelimit.RateLimiter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Two instances configured with the same Redis share their limits. Runs where a Redis server is
 * given in GUILDHALL_TEST_REDIS_URL (CI's PostgreSQL + Redis run); the in-memory limiter is covered
 * by the sign-in throttle tests everywhere.
 */
@EnabledIfEnvironmentVariable(named = "GUILDHALL_TEST_REDIS_URL", matches = "redis://.+")
class SharedRateLimiterTests {

  RedisClient client = RedisClient.create(System.getenv("GUILDHALL_TEST_REDIS_URL"));
  StatefulRedisConnection<String, byte[]> a =
      client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
  StatefulRedisConnection<String, byte[]> b =
      client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));

  @AfterEach
  void close() {
    a.close();
    b.close();
    client.shutdown();
  }

  @Test
  void twoInstancesShareOneLimit() {
    RateLimiter first = RateLimiter.redis(a, "gh-test:");
    RateLimiter second = RateLimiter.redis(b, "gh-test:");
    String key = "test:" + UUID.randomUUID();
    for (int i = 0; i < 3; i++) {
      assertThat(first.tryConsume(key, 5, Duration.ofMinutes(1))).isTrue();
    }
    assertThat(second.tryConsume(key, 5, Duration.ofMinutes(1))).isTrue();
    assertThat(second.tryConsume(key, 5, Duration.ofMinutes(1))).isTrue();
    assertThat(first.tryConsume(key, 5, Duration.ofMinutes(1))).as("sixth across both").isFalse();
    assertThat(first.hasCapacity(key, 5, Duration.ofMinutes(1))).isFalse();
    second.reset(key, 5, Duration.ofMinutes(1));
    assertThat(first.hasCapacity(key, 5, Duration.ofMinutes(1))).isTrue();
  }

  @Test
  void aChangedLimitStartsAFreshBucketInsteadOfKeepingTheStoredOne() {
    RateLimiter limiter = RateLimiter.redis(a, "gh-test:");
    String key = "test:" + UUID.randomUUID();
    assertThat(limiter.tryConsume(key, 1, Duration.ofHours(1))).isTrue();
    assertThat(limiter.tryConsume(key, 1, Duration.ofHours(1))).isFalse();
    assertThat(limiter.tryConsume(key, 100, Duration.ofHours(1)))
        .as("a bucket stored with the old limit must not decide under the new one")
        .isTrue();
  }
}

package org.guildhall.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;

/**
 * Token buckets (Bucket4j) keyed by a string such as {@code sign-in:addr:203.0.113.5}. By default
 * each instance keeps its buckets in memory (idle ones are dropped after an hour); when Redis is
 * configured ({@code guildhall.redis.url}) the buckets live in Redis and every instance shares
 * them.
 */
public class RateLimiter {

  private final String prefix;
  private final Cache<String, io.github.bucket4j.Bucket> local =
      Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(1)).maximumSize(200_000).build();
  private final ProxyManager<String> shared;

  /** Buckets in this instance's memory. */
  public RateLimiter() {
    this(null, "");
  }

  /**
   * Buckets in a shared store (Redis) under keys starting with {@code prefix}; instances that share
   * a store and a prefix share their limits.
   */
  public RateLimiter(ProxyManager<String> shared, String prefix) {
    this.shared = shared;
    this.prefix = prefix;
  }

  public boolean isShared() {
    return shared != null;
  }

  /** Takes one token; false when the limit {@code capacity per period} is exhausted. */
  public boolean tryConsume(String key, long capacity, Duration period) {
    return bucket(key, capacity, period).tryConsume(1);
  }

  /** True when a token is available, without taking it. */
  public boolean hasCapacity(String key, long capacity, Duration period) {
    return bucket(key, capacity, period).getAvailableTokens() > 0;
  }

  /** Forget a key's history (e.g. the failure count of an account after a good sign-in). */
  public void reset(String key, long capacity, Duration period) {
    if (shared != null) {
      shared.removeProxy(sharedKey(key, capacity, period));
    } else {
      local.invalidate(key);
    }
  }

  private io.github.bucket4j.Bucket bucket(String key, long capacity, Duration period) {
    Bandwidth limit = Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
    if (shared != null) {
      return shared
          .builder()
          .build(
              sharedKey(key, capacity, period),
              () -> BucketConfiguration.builder().addLimit(limit).build());
    }
    return local.get(key, k -> io.github.bucket4j.Bucket.builder().addLimit(limit).build());
  }

  /**
   * A bucket stored in Redis keeps the configuration it was created with, so the limit is part of
   * the key: changing a limit (or running two builds with different limits against one Redis)
   * starts fresh buckets instead of silently applying the old limit.
   */
  private String sharedKey(String key, long capacity, Duration period) {
    return prefix + key + "#" + capacity + "/" + period.toSeconds();
  }

  /**
   * Buckets in Redis over one Lettuce connection (Bucket4j's compare-and-swap store); a bucket's
   * key expires once it would be full again, so idle keys do not pile up.
   */
  public static RateLimiter redis(
      StatefulRedisConnection<String, byte[]> connection, String prefix) {
    return new RateLimiter(
        Bucket4jLettuce.casBasedBuilder(connection)
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    Duration.ofMinutes(1)))
            .build(),
        prefix);
  }
}

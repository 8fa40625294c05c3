package org.guildhall.platform.ratelimit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rate limiter's bucket store: this instance's memory, or Redis when {@code
 * guildhall.redis.url} (e.g. {@code redis://redis:6379}) is set, so that limits hold across all
 * instances.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfig {

  @Bean(destroyMethod = "")
  RateLimiter rateLimiter(
      @Value("${guildhall.redis.url:}") String redisUrl,
      @Value("${guildhall.redis.key-prefix:gh:rl:}") String prefix,
      RedisHolder redis) {
    if (redisUrl.isBlank()) {
      return new RateLimiter();
    }
    return RateLimiter.redis(redis.connect(redisUrl), prefix);
  }

  @Bean(destroyMethod = "close")
  RedisHolder redisHolder() {
    return new RedisHolder();
  }

  /** Owns the Redis client and connection so they are closed on shutdown. */
  static final class RedisHolder implements AutoCloseable {

    private RedisClient client;
    private StatefulRedisConnection<String, byte[]> connection;

    synchronized StatefulRedisConnection<String, byte[]> connect(String url) {
      if (connection == null) {
        client = RedisClient.create(url);
        connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
      }
      return connection;
    }

    @Override
    public synchronized void close() {
      if (connection != null) {
        connection.close();
        client.shutdown();
      }
    }
  }
}

package org.guildhall.platform.storage;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the {@link BlobStore}: an S3-compatible bucket when {@code guildhall.storage.s3.bucket}
 * is set (with {@code endpoint}, {@code region}, {@code access-key}, {@code secret-key} and {@code
 * path-style}; environment variables {@code GUILDHALL_STORAGE_S3_*}), otherwise the local disk
 * under {@code guildhall.storage.local-root}.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfig {

  @Bean
  BlobStore blobStore(
      @Value("${guildhall.storage.local-root:./data/media}") Path localRoot,
      @Value("${guildhall.storage.s3.bucket:}") String bucket,
      @Value("${guildhall.storage.s3.endpoint:}") String endpoint,
      @Value("${guildhall.storage.s3.region:us-east-1}") String region,
      @Value("${guildhall.storage.s3.access-key:}") String accessKey,
      @Value("${guildhall.storage.s3.secret-key:}") String secretKey,
      @Value("${guildhall.storage.s3.path-style:false}") boolean pathStyle) {
    if (bucket.isBlank()) {
      return new LocalBlobStore(localRoot);
    }
    return S3BlobStore.connect(
        bucket, endpoint, region, accessKey, secretKey, pathStyle, S3BlobStore.DEFAULT_PART_SIZE);
  }
}

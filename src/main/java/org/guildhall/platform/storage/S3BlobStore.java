package org.guildhall.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * Objects in a bucket of an S3-compatible store (AWS S3, MinIO, Ceph, R2, OSS/COS in S3 mode),
 * through the AWS SDK v2 over the JDK's {@code HttpURLConnection}. Used instead of the local disk
 * when {@code guildhall.storage.s3.bucket} is set.
 *
 * <p>That transport holds a request body in memory, so a write is sent in parts of at most {@code
 * partSize} bytes: one PutObject for a small object, a multipart upload (aborted on any failure, so
 * nothing is left half-stored) for a larger one. Ranged reads are ranged GetObject requests.
 * Checksums are only sent and checked where S3 requires them, which every S3-compatible store
 * accepts.
 */
class S3BlobStore implements BlobStore, AutoCloseable {

  /** 8 MiB: above S3's 5 MiB minimum part size; a 1 GB video is 128 parts. */
  static final int DEFAULT_PART_SIZE = 8 * 1024 * 1024;

  private final S3Client s3;
  private final String bucket;
  private final int partSize;

  S3BlobStore(S3Client s3, String bucket, int partSize) {
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("guildhall.storage.s3.bucket is required");
    }
    this.s3 = s3;
    this.bucket = bucket.strip();
    this.partSize = partSize;
  }

  /**
   * A client for the bucket. Without an access key the SDK's default credential chain applies
   * (environment, profile, container or instance role); without an endpoint, AWS itself.
   */
  static S3BlobStore connect(
      String bucket,
      String endpoint,
      String region,
      String accessKey,
      String secretKey,
      boolean pathStyle,
      int partSize) {
    AwsCredentialsProvider credentials =
        accessKey == null || accessKey.isBlank()
            ? DefaultCredentialsProvider.builder().build()
            : StaticCredentialsProvider.create(
                AwsBasicCredentials.create(accessKey.strip(), secretKey == null ? "" : secretKey));
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(10))
                    .socketTimeout(Duration.ofSeconds(60)))
            .region(Region.of(region == null || region.isBlank() ? "us-east-1" : region.strip()))
            .credentialsProvider(credentials)
            .forcePathStyle(pathStyle)
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    if (endpoint != null && !endpoint.isBlank()) {
      builder.endpointOverride(URI.create(endpoint.strip()));
    }
    return new S3BlobStore(builder.build(), bucket, partSize);
  }

  @Override
  public void put(String key, InputStream in, long length, String contentType) throws IOException {
    StorageKeys.require(key);
    Streams.requireLength(length);
    String type = contentType == null ? "application/octet-stream" : contentType;
    if (length <= partSize) {
      byte[] bytes = Streams.readExactly(in, (int) length);
      Streams.requireEnd(in, length);
      try {
        s3.putObject(
            PutObjectRequest.builder()
                .bucket(bucket)
                .key(key)
                .contentType(type)
                .contentLength(length)
                .build(),
            RequestBody.fromBytes(bytes));
      } catch (SdkException e) {
        throw new IOException("Could not store " + key + " in bucket " + bucket, e);
      }
    } else {
      putInParts(key, in, length, type);
    }
  }

  private void putInParts(String key, InputStream in, long length, String type) throws IOException {
    String uploadId;
    try {
      uploadId =
          s3.createMultipartUpload(
                  CreateMultipartUploadRequest.builder()
                      .bucket(bucket)
                      .key(key)
                      .contentType(type)
                      .build())
              .uploadId();
    } catch (SdkException e) {
      throw new IOException("Could not start storing " + key + " in bucket " + bucket, e);
    }
    try {
      List<CompletedPart> parts = new ArrayList<>();
      long remaining = length;
      for (int number = 1; remaining > 0; number++) {
        int size = (int) Math.min(partSize, remaining);
        byte[] bytes = Streams.readExactly(in, size);
        String etag =
            s3.uploadPart(
                    UploadPartRequest.builder()
                        .bucket(bucket)
                        .key(key)
                        .uploadId(uploadId)
                        .partNumber(number)
                        .contentLength((long) size)
                        .build(),
                    RequestBody.fromBytes(bytes))
                .eTag();
        parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        remaining -= size;
      }
      Streams.requireEnd(in, length);
      s3.completeMultipartUpload(
          CompleteMultipartUploadRequest.builder()
              .bucket(bucket)
              .key(key)
              .uploadId(uploadId)
              .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build())
              .build());
    } catch (IOException | RuntimeException e) {
      abort(key, uploadId, e);
      if (e instanceof SdkException) {
        throw new IOException("Could not store " + key + " in bucket " + bucket, e);
      }
      throw e;
    }
  }

  private void abort(String key, String uploadId, Exception cause) {
    try {
      s3.abortMultipartUpload(
          AbortMultipartUploadRequest.builder().bucket(bucket).key(key).uploadId(uploadId).build());
    } catch (SdkException e) {
      // the bucket's lifecycle rule for incomplete uploads cleans up what is left
      cause.addSuppressed(e);
    }
  }

  @Override
  public Optional<Blob> get(String key) throws IOException {
    if (!StorageKeys.isSafe(key)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          blob(s3.getObject(GetObjectRequest.builder().bucket(bucket).key(key).build())));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw new IOException("Could not read " + key + " from bucket " + bucket, e);
    }
  }

  @Override
  public Optional<Blob> get(String key, long offset, long length) throws IOException {
    Streams.requireValidRange(offset, length);
    if (!StorageKeys.isSafe(key)) {
      return Optional.empty();
    }
    if (length == 0) {
      return size(key).map(size -> empty());
    }
    String range =
        length > Long.MAX_VALUE - offset
            ? "bytes=" + offset + "-"
            : "bytes=" + offset + "-" + (offset + length - 1);
    try {
      return Optional.of(
          blob(
              s3.getObject(
                  GetObjectRequest.builder().bucket(bucket).key(key).range(range).build())));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 416) {
        // the range starts at or past the end
        return size(key).map(size -> empty());
      }
      throw new IOException("Could not read " + key + " from bucket " + bucket, e);
    } catch (SdkException e) {
      throw new IOException("Could not read " + key + " from bucket " + bucket, e);
    }
  }

  @Override
  public Optional<Long> size(String key) throws IOException {
    if (!StorageKeys.isSafe(key)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(key).build())
              .contentLength());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw new IOException("Could not look up " + key + " in bucket " + bucket, e);
    } catch (SdkException e) {
      throw new IOException("Could not look up " + key + " in bucket " + bucket, e);
    }
  }

  @Override
  public void delete(String key) throws IOException {
    StorageKeys.require(key);
    try {
      s3.deleteObject(DeleteObjectRequest.builder().bucket(bucket).key(key).build());
    } catch (SdkException e) {
      throw new IOException("Could not delete " + key + " from bucket " + bucket, e);
    }
  }

  @Override
  public void close() {
    s3.close();
  }

  private static Blob blob(ResponseInputStream<GetObjectResponse> in) {
    GetObjectResponse response = in.response();
    String type = response.contentType();
    return new Blob(
        in,
        response.contentLength(),
        type == null || type.isBlank() ? "application/octet-stream" : type);
  }

  private static Blob empty() {
    return new Blob(InputStream.nullInputStream(), 0, "application/octet-stream");
  }
}

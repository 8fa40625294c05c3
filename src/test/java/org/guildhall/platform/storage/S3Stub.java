package org.guildhall.platform.storage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny S3-compatible server for tests, on the loopback address, path-style only ({@code
 * /bucket/key}): PutObject, GetObject (with {@code Range}), HeadObject, DeleteObject and the
 * multipart upload calls. It decodes {@code aws-chunked} bodies as the SDK sends them. It does not
 * verify signatures, but refuses any request without an {@code Authorization} header, as S3 would
 * refuse an anonymous one on a private bucket.
 */
final class S3Stub implements AutoCloseable {

  /** A stored object. */
  record StoredObject(byte[] bytes, String contentType) {}

  /** What a request looked like, for assertions. */
  record Seen(String method, String path, String query, String range, boolean signed) {}

  private static final Pattern PART =
      Pattern.compile("<PartNumber>(\\d+)</PartNumber>", Pattern.CASE_INSENSITIVE);

  private final HttpServer server;
  private final String bucket;
  private final Map<String, StoredObject> objects = new ConcurrentHashMap<>();
  private final Map<String, Map<Integer, byte[]>> uploads = new ConcurrentHashMap<>();
  private final Map<String, String> uploadTypes = new ConcurrentHashMap<>();
  private final Queue<Seen> seen = new ConcurrentLinkedQueue<>();

  S3Stub(String bucket) throws IOException {
    this.bucket = bucket;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  Map<String, StoredObject> objects() {
    return objects;
  }

  /** Multipart uploads started and neither completed nor aborted. */
  int pendingUploads() {
    return uploads.size();
  }

  List<Seen> seen() {
    return List.copyOf(seen);
  }

  void clear() {
    objects.clear();
    uploads.clear();
    uploadTypes.clear();
    seen.clear();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      String method = exchange.getRequestMethod();
      Map<String, String> query = query(uri.getRawQuery());
      boolean signed = exchange.getRequestHeaders().getFirst("Authorization") != null;
      seen.add(
          new Seen(
              method,
              uri.getPath(),
              uri.getRawQuery(),
              exchange.getRequestHeaders().getFirst("Range"),
              signed));
      if (!signed) {
        drain(exchange);
        error(exchange, 403, "AccessDenied");
        return;
      }
      String path = uri.getPath();
      String prefix = "/" + bucket + "/";
      if (!path.startsWith(prefix) || path.length() == prefix.length()) {
        drain(exchange);
        error(exchange, 404, "NoSuchBucket");
        return;
      }
      String key = path.substring(prefix.length());
      switch (method) {
        case "PUT" -> put(exchange, key, query);
        case "POST" -> post(exchange, key, query);
        case "GET" -> get(exchange, key, false);
        case "HEAD" -> get(exchange, key, true);
        case "DELETE" -> delete(exchange, key, query);
        default -> error(exchange, 405, "MethodNotAllowed");
      }
    }
  }

  private void put(HttpExchange exchange, String key, Map<String, String> query)
      throws IOException {
    byte[] body = body(exchange);
    String uploadId = query.get("uploadId");
    if (uploadId != null) {
      Map<Integer, byte[]> parts = uploads.get(uploadId);
      if (parts == null) {
        error(exchange, 404, "NoSuchUpload");
        return;
      }
      parts.put(Integer.parseInt(query.get("partNumber")), body);
      exchange.getResponseHeaders().add("ETag", "\"" + md5(body) + "\"");
      exchange.sendResponseHeaders(200, -1);
      return;
    }
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    objects.put(key, new StoredObject(body, type));
    exchange.getResponseHeaders().add("ETag", "\"" + md5(body) + "\"");
    exchange.sendResponseHeaders(200, -1);
  }

  private void post(HttpExchange exchange, String key, Map<String, String> query)
      throws IOException {
    byte[] body = body(exchange);
    if (query.containsKey("uploads")) {
      String uploadId = UUID.randomUUID().toString();
      uploads.put(uploadId, new ConcurrentHashMap<>());
      String type = exchange.getRequestHeaders().getFirst("Content-Type");
      uploadTypes.put(uploadId, type == null ? "binary/octet-stream" : type);
      xml(
          exchange,
          200,
          "<InitiateMultipartUploadResult><Bucket>"
              + bucket
              + "</Bucket><Key>"
              + key
              + "</Key><UploadId>"
              + uploadId
              + "</UploadId></InitiateMultipartUploadResult>");
      return;
    }
    String uploadId = query.get("uploadId");
    Map<Integer, byte[]> parts = uploadId == null ? null : uploads.remove(uploadId);
    if (parts == null) {
      error(exchange, 404, "NoSuchUpload");
      return;
    }
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    Matcher m = PART.matcher(new String(body, StandardCharsets.UTF_8));
    List<Integer> listed = new ArrayList<>();
    while (m.find()) {
      listed.add(Integer.parseInt(m.group(1)));
    }
    for (int number : listed) {
      byte[] part = parts.get(number);
      if (part == null) {
        error(exchange, 400, "InvalidPart");
        return;
      }
      whole.write(part);
    }
    byte[] bytes = whole.toByteArray();
    objects.put(key, new StoredObject(bytes, uploadTypes.remove(uploadId)));
    xml(
        exchange,
        200,
        "<CompleteMultipartUploadResult><Bucket>"
            + bucket
            + "</Bucket><Key>"
            + key
            + "</Key><ETag>\""
            + md5(bytes)
            + "-"
            + listed.size()
            + "\"</ETag></CompleteMultipartUploadResult>");
  }

  private void get(HttpExchange exchange, String key, boolean head) throws IOException {
    StoredObject object = objects.get(key);
    if (object == null) {
      if (head) {
        exchange.sendResponseHeaders(404, -1);
      } else {
        error(exchange, 404, "NoSuchKey");
      }
      return;
    }
    byte[] bytes = object.bytes();
    var headers = exchange.getResponseHeaders();
    headers.add("ETag", "\"" + md5(bytes) + "\"");
    headers.add("Accept-Ranges", "bytes");
    headers.add(
        "Content-Type",
        object.contentType() == null ? "binary/octet-stream" : object.contentType());
    if (head) {
      headers.add("Content-Length", Long.toString(bytes.length));
      exchange.sendResponseHeaders(200, -1);
      return;
    }
    String range = exchange.getRequestHeaders().getFirst("Range");
    int start = 0;
    int end = bytes.length - 1;
    int status = 200;
    if (range != null) {
      Matcher r = Pattern.compile("bytes=(\\d+)-(\\d*)").matcher(range);
      if (!r.matches()) {
        error(exchange, 400, "InvalidArgument");
        return;
      }
      long first = Long.parseLong(r.group(1));
      if (first >= bytes.length) {
        headers.remove("Content-Type");
        error(exchange, 416, "InvalidRange");
        return;
      }
      start = (int) first;
      if (!r.group(2).isEmpty()) {
        end = (int) Math.min(end, Long.parseLong(r.group(2)));
      }
      status = 206;
      headers.add("Content-Range", "bytes " + start + "-" + end + "/" + bytes.length);
    }
    int length = end - start + 1;
    exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes, start, length);
    }
  }

  private void delete(HttpExchange exchange, String key, Map<String, String> query)
      throws IOException {
    String uploadId = query.get("uploadId");
    if (uploadId != null) {
      uploads.remove(uploadId);
      uploadTypes.remove(uploadId);
    } else {
      objects.remove(key);
    }
    exchange.sendResponseHeaders(204, -1);
  }

  /** The request body, decoded from {@code aws-chunked} when the SDK used it. */
  private static byte[] body(HttpExchange exchange) throws IOException {
    byte[] raw = exchange.getRequestBody().readAllBytes();
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    String sha = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
    boolean chunked =
        (encoding != null && encoding.contains("aws-chunked"))
            || (sha != null && sha.startsWith("STREAMING-"));
    return chunked ? decodeAwsChunked(raw) : raw;
  }

  static byte[] decodeAwsChunked(byte[] raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (at < raw.length) {
      int lineEnd = indexOfCrlf(raw, at);
      if (lineEnd < 0) {
        throw new IOException("Malformed aws-chunked body");
      }
      String header = new String(raw, at, lineEnd - at, StandardCharsets.US_ASCII);
      int size = Integer.parseInt(header.split(";", 2)[0].strip(), 16);
      at = lineEnd + 2;
      if (size == 0) {
        break; // trailers (checksums) follow; not needed
      }
      out.write(raw, at, size);
      at += size + 2;
    }
    return out.toByteArray();
  }

  private static int indexOfCrlf(byte[] bytes, int from) {
    for (int i = from; i + 1 < bytes.length; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static void drain(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      in.transferTo(OutputStream.nullOutputStream());
    }
  }

  private static void error(HttpExchange exchange, int status, String code) throws IOException {
    if ("HEAD".equals(exchange.getRequestMethod())) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    xml(
        exchange,
        status,
        "<Error><Code>" + code + "</Code><Message>" + code + "</Message></Error>");
  }

  private static void xml(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes =
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/xml");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> map = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return map;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      map.put(name, value);
    }
    return new TreeMap<>(map);
  }

  private static String md5(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

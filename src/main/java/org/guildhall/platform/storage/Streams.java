package org.guildhall.platform.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Stream helpers shared by the stores. */
final class Streams {

  private static final int BUFFER = 64 * 1024;

  private Streams() {}

  static void requireValidRange(long offset, long length) {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("A range needs a non-negative offset and length");
    }
  }

  static void requireLength(long length) {
    if (length < 0) {
      throw new IllegalArgumentException("The length must not be negative");
    }
  }

  /** Copies exactly {@code length} bytes; fails if {@code in} has fewer or more. */
  static void copyExactly(InputStream in, OutputStream out, long length) throws IOException {
    byte[] buffer = new byte[(int) Math.min(BUFFER, Math.max(1, length))];
    long remaining = length;
    while (remaining > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
      if (n < 0) {
        throw new IOException(
            "The upload ended after " + (length - remaining) + " of " + length + " bytes");
      }
      out.write(buffer, 0, n);
      remaining -= n;
    }
    requireEnd(in, length);
  }

  /** Reads exactly {@code length} bytes into a new array; fails if {@code in} ends before. */
  static byte[] readExactly(InputStream in, int length) throws IOException {
    byte[] bytes = in.readNBytes(length);
    if (bytes.length < length) {
      throw new IOException("The upload ended after " + bytes.length + " of " + length + " bytes");
    }
    return bytes;
  }

  /** Fails if {@code in} has more bytes than the {@code length} already read. */
  static void requireEnd(InputStream in, long length) throws IOException {
    if (in.read() != -1) {
      throw new IOException("The upload is longer than the " + length + " bytes declared");
    }
  }

  /** A view of at most {@code limit} bytes of a stream; closing it closes the stream. */
  static InputStream bounded(InputStream in, long limit) {
    return new FilterInputStream(in) {
      private long left = limit;

      @Override
      public int read() throws IOException {
        if (left <= 0) {
          return -1;
        }
        int b = super.read();
        if (b >= 0) {
          left--;
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (left <= 0) {
          return -1;
        }
        int n = super.read(b, off, (int) Math.min(len, left));
        if (n > 0) {
          left -= n;
        }
        return n;
      }

      @Override
      public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, left));
        left -= skipped;
        return skipped;
      }

      @Override
      public int available() throws IOException {
        return (int) Math.min(super.available(), left);
      }

      @Override
      public boolean markSupported() {
        return false;
      }
    };
  }
}

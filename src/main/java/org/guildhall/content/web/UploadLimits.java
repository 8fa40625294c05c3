package org.guildhall.content.web;

/**
 * The per-kind upload limits in MB, for the upload field's hint and its check in the browser (which
 * only spares a long wait: the server checks every upload by its bytes).
 */
public record UploadLimits(long imageMb, long audioMb, long videoMb, long fileMb) {

  public static long bytes(long megabytes) {
    return megabytes * 1024 * 1024;
  }
}

package org.guildhall.content.web;

/** Media lengths as pages show them: {@code 4:05}, {@code 1:02:03}. */
public final class Durations {

  private Durations() {}

  public static String clock(Integer seconds) {
    if (seconds == null || seconds <= 0) {
      return "";
    }
    int h = seconds / 3600;
    int m = (seconds % 3600) / 60;
    int s = seconds % 60;
    return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
  }
}

package org.guildhall.learning;

import java.time.Instant;
import java.util.UUID;

/**
 * A completion certificate as its public page shows it. Name and title are as they were when it was
 * issued.
 *
 * @param coursePath the course's page now, or null when the course is gone
 */
public record Certificate(
    String code,
    UUID accountId,
    UUID courseId,
    String memberName,
    String courseTitle,
    Instant issuedAt,
    String coursePath) {

  /** The public verification page. */
  public String path() {
    return "/certificates/" + code;
  }

  public String printPath() {
    return path() + "/print";
  }
}

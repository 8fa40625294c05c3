package org.guildhall.content;

/**
 * The editorial workflow: an author writes a draft and submits it; the owner reviews it and
 * publishes it now or schedules it (a job publishes it on time), or sends it back with a note.
 * Published items can be archived (hidden from the catalog, kept for those who bought them).
 */
public enum ContentStatus {
  DRAFT,
  IN_REVIEW,
  SCHEDULED,
  PUBLISHED,
  ARCHIVED
}

package org.guildhall.content.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A part of a course; its lessons are ordered within it. */
@Entity
@Table(name = "content_section")
class Section {

  @Id private UUID id;

  @Column(nullable = false)
  private UUID courseId;

  private int position;

  @Column(nullable = false)
  private String title;

  protected Section() {}

  Section(UUID courseId, int position, String title) {
    this.id = UUID.randomUUID();
    this.courseId = courseId;
    this.position = position;
    this.title = title;
  }

  void rename(String title) {
    this.title = title;
  }

  void moveTo(int position) {
    this.position = position;
  }

  UUID id() {
    return id;
  }

  UUID courseId() {
    return courseId;
  }

  int position() {
    return position;
  }

  String title() {
    return title;
  }
}

package org.guildhall.content;

/** What a lesson mainly is: text, or a video or audio with text beside it. */
public enum LessonKind {
  TEXT,
  VIDEO,
  AUDIO
}

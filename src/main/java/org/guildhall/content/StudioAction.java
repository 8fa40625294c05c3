package org.guildhall.content;

/**
 * What an author or the owner does with an item's form besides saving it: the changes are saved
 * first, then the step is taken, both or neither.
 */
public enum StudioAction {
  /** Only save. */
  SAVE,
  /** The author asks the owner to review it (draft to in review). */
  SUBMIT,
  /** The owner publishes it now. */
  PUBLISH,
  /** The owner publishes it at a later time. */
  SCHEDULE,
  /** Hidden from the catalog; kept for those who bought it. */
  ARCHIVE,
  /** Back to a draft (from review, scheduled or archived). */
  REOPEN
}

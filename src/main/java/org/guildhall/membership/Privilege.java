package org.guildhall.membership;

/**
 * What a tier grants besides content access, for the modules that honour it: member columns and
 * premium reports (content), member-only boards and priority questions (community), member-only
 * events (events), one-to-one mentoring with a tutor.
 */
public enum Privilege {
  MEMBER_COLUMNS,
  PREMIUM_REPORTS,
  MEMBER_BOARDS,
  MEMBER_EVENTS,
  PRIORITY_QA,
  MENTORING
}

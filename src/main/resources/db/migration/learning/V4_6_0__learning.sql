-- Learning: who is enrolled in which course, their progress and resume positions per lesson,
-- and the certificates of completed courses. Course and lesson ids belong to the content
-- module; they are not foreign keys, so that modules keep their own tables.

-- A learner in a course. enrolled_at starts drip lessons; last_active_at orders "My learning"
-- and "continue learning"; completed_at is set once, when the last lesson is completed.
CREATE TABLE learning_enrolment (
    account_id     UUID                     NOT NULL,
    course_id      UUID                     NOT NULL,
    enrolled_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_active_at TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (account_id, course_id)
);
-- My learning, continue learning: a learner's courses, most recently active first
CREATE INDEX learning_enrolment_recent_idx
    ON learning_enrolment (account_id, last_active_at DESC, course_id);

-- One row per learner and lesson they opened: completed or not, and where the player stopped.
CREATE TABLE learning_progress (
    account_id       UUID                     NOT NULL,
    lesson_id        UUID                     NOT NULL,
    course_id        UUID                     NOT NULL,
    completed_at     TIMESTAMP WITH TIME ZONE,
    position_seconds INT                      NOT NULL DEFAULT 0,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, lesson_id),
    CONSTRAINT learning_progress_position_chk CHECK (position_seconds >= 0)
);
-- a learner's progress in one course (course pages) or several (My learning)
CREATE INDEX learning_progress_course_idx ON learning_progress (account_id, course_id);

-- A completion certificate: public by its unguessable code; one per learner and course. The
-- member's name and the course title are kept as they were on the day it was issued.
CREATE TABLE learning_certificate (
    code         VARCHAR(24)              NOT NULL PRIMARY KEY,
    account_id   UUID                     NOT NULL,
    course_id    UUID                     NOT NULL,
    member_name  VARCHAR(120)             NOT NULL,
    course_title VARCHAR(200)             NOT NULL,
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT learning_certificate_learner_uk UNIQUE (account_id, course_id)
);

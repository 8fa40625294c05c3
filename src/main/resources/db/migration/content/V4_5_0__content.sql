-- Content: courses (sections -> lessons), articles, columns, stand-alone audio and video, live
-- replays; categories and tags; revisions. Media files live in content_media (V4_5_1).

CREATE TABLE content_category (
    id       UUID        NOT NULL PRIMARY KEY,
    slug     VARCHAR(60) NOT NULL,
    name_en  VARCHAR(80) NOT NULL,
    name_zh  VARCHAR(80) NOT NULL,
    position INT         NOT NULL DEFAULT 0,
    CONSTRAINT content_category_slug_uk UNIQUE (slug)
);

-- One row per item of any kind. published_at is the moment the item is (or will be) public;
-- a SCHEDULED item is published by a job at that moment, and members of tiers with early
-- access see it that many days before.
CREATE TABLE content_item (
    id               UUID          NOT NULL PRIMARY KEY,
    kind             VARCHAR(16)   NOT NULL,
    slug             VARCHAR(120)  NOT NULL,
    lang             VARCHAR(8)    NOT NULL,
    title            VARCHAR(200)  NOT NULL,
    excerpt          VARCHAR(600)  NOT NULL DEFAULT '',
    body_md          TEXT          NOT NULL DEFAULT '',
    body_html        TEXT          NOT NULL DEFAULT '',
    preview_html     TEXT          NOT NULL DEFAULT '',
    body_chars       INT           NOT NULL DEFAULT 0,
    cover_media_id   UUID,
    media_id         UUID,
    duration_seconds INT,
    category_id      UUID          REFERENCES content_category (id),
    column_id        UUID          REFERENCES content_item (id),
    author_id        UUID          NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    published_at     TIMESTAMP WITH TIME ZONE,
    access           VARCHAR(16)   NOT NULL,
    min_tier_rank    INT           NOT NULL DEFAULT 0,
    price_minor      BIGINT,
    currency         CHAR(3),
    review_note      VARCHAR(1000),
    revision         INT           NOT NULL DEFAULT 0,
    enrolments       BIGINT        NOT NULL DEFAULT 0,
    views            BIGINT        NOT NULL DEFAULT 0,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT content_item_slug_uk UNIQUE (slug),
    CONSTRAINT content_item_kind_chk
        CHECK (kind IN ('COURSE', 'ARTICLE', 'COLUMN', 'AUDIO', 'VIDEO', 'REPLAY')),
    CONSTRAINT content_item_status_chk
        CHECK (status IN ('DRAFT', 'IN_REVIEW', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED')),
    CONSTRAINT content_item_access_chk CHECK (access IN ('PUBLIC', 'MEMBERS', 'PURCHASE')),
    CONSTRAINT content_item_price_chk
        CHECK (access <> 'PURCHASE' OR (price_minor > 0 AND currency IS NOT NULL)),
    CONSTRAINT content_item_rank_chk CHECK (min_tier_rank >= 0)
);
CREATE INDEX content_item_published_idx ON content_item (published_at DESC, id DESC);
CREATE INDEX content_item_kind_published_idx ON content_item (kind, published_at DESC, id DESC);
CREATE INDEX content_item_category_idx ON content_item (category_id, published_at DESC, id DESC);
CREATE INDEX content_item_column_idx ON content_item (column_id, published_at, id);
CREATE INDEX content_item_author_idx ON content_item (author_id, updated_at DESC, id DESC);
CREATE INDEX content_item_status_idx ON content_item (status, published_at);
CREATE INDEX content_item_popular_idx ON content_item (enrolments DESC, views DESC, id);

CREATE TABLE content_tag (
    id   UUID        NOT NULL PRIMARY KEY,
    slug VARCHAR(60) NOT NULL,
    name VARCHAR(60) NOT NULL,
    CONSTRAINT content_tag_slug_uk UNIQUE (slug)
);

CREATE TABLE content_item_tag (
    item_id UUID NOT NULL REFERENCES content_item (id) ON DELETE CASCADE,
    tag_id  UUID NOT NULL REFERENCES content_tag (id),
    PRIMARY KEY (item_id, tag_id)
);
CREATE INDEX content_item_tag_tag_idx ON content_item_tag (tag_id, item_id);

CREATE TABLE content_section (
    id        UUID         NOT NULL PRIMARY KEY,
    course_id UUID         NOT NULL REFERENCES content_item (id) ON DELETE CASCADE,
    position  INT          NOT NULL,
    title     VARCHAR(200) NOT NULL
);
CREATE INDEX content_section_course_idx ON content_section (course_id, position);

-- A lesson opens drip_days after the learner enrolled; a preview lesson is open to everyone.
CREATE TABLE content_lesson (
    id               UUID         NOT NULL PRIMARY KEY,
    course_id        UUID         NOT NULL REFERENCES content_item (id) ON DELETE CASCADE,
    section_id       UUID         NOT NULL REFERENCES content_section (id) ON DELETE CASCADE,
    position         INT          NOT NULL,
    title            VARCHAR(200) NOT NULL,
    kind             VARCHAR(8)   NOT NULL,
    body_md          TEXT         NOT NULL DEFAULT '',
    body_html        TEXT         NOT NULL DEFAULT '',
    media_id         UUID,
    duration_seconds INT,
    preview          BOOLEAN      NOT NULL DEFAULT FALSE,
    drip_days        INT          NOT NULL DEFAULT 0,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT content_lesson_kind_chk CHECK (kind IN ('TEXT', 'VIDEO', 'AUDIO')),
    CONSTRAINT content_lesson_drip_chk CHECK (drip_days >= 0)
);
CREATE INDEX content_lesson_course_idx ON content_lesson (course_id, position);
CREATE INDEX content_lesson_section_idx ON content_lesson (section_id, position);

CREATE TABLE content_attachment (
    lesson_id UUID NOT NULL REFERENCES content_lesson (id) ON DELETE CASCADE,
    media_id  UUID NOT NULL,
    position  INT  NOT NULL,
    PRIMARY KEY (lesson_id, media_id)
);

-- Every saved version of an item's or a lesson's text (target_id: the item or the lesson);
-- restoring one makes a new revision.
CREATE TABLE content_revision (
    id         UUID         NOT NULL PRIMARY KEY,
    item_id    UUID         NOT NULL REFERENCES content_item (id) ON DELETE CASCADE,
    target_id  UUID         NOT NULL,
    number     INT          NOT NULL,
    title      VARCHAR(200) NOT NULL,
    body_md    TEXT         NOT NULL,
    author_id  UUID         NOT NULL,
    note       VARCHAR(200),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT content_revision_number_uk UNIQUE (target_id, number)
);
CREATE INDEX content_revision_item_idx ON content_revision (item_id, created_at DESC);

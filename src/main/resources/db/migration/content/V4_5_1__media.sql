-- Uploaded media: images, audio, video and attachments. The bytes live in the blob store (local
-- disk or an S3-compatible bucket) under storage_key; a row exists only once its blob is stored.
-- content_type and kind come from the file's own bytes, never from its name or the browser.
-- original_name is cleaned (no path, no control characters, at most 255 characters) and shown to
-- people, always escaped. Images the JDK can read get JPEG thumbnails at thumb_key + '-320.jpg'
-- and thumb_key + '-960.jpg'. Runs on PostgreSQL and on H2 in PostgreSQL mode.

CREATE TABLE content_media (
    id            UUID          NOT NULL PRIMARY KEY,
    owner_id      UUID          NOT NULL,
    kind          VARCHAR(8)    NOT NULL,
    content_type  VARCHAR(100)  NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    original_name VARCHAR(255)  NOT NULL,
    storage_key   VARCHAR(300)  NOT NULL,
    thumb_key     VARCHAR(300),
    width         INT,
    height        INT,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT content_media_kind_chk CHECK (kind IN ('IMAGE', 'AUDIO', 'VIDEO', 'FILE')),
    CONSTRAINT content_media_size_chk CHECK (size_bytes >= 0)
);
CREATE UNIQUE INDEX content_media_storage_key_uk ON content_media (storage_key);
CREATE INDEX content_media_owner_idx ON content_media (owner_id, created_at DESC, id DESC);

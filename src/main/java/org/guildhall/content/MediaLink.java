package org.guildhall.content;

import java.util.UUID;

/**
 * A media file as a page plays or links it: a signed, expiring URL for audio, video and files.
 *
 * @param resumeAt where the learner stopped, in seconds (0: from the start)
 */
public record MediaLink(
    UUID id, String kind, String url, String contentType, String name, long size, int resumeAt) {}

package org.guildhall.content.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.guildhall.content.MediaApi;
import org.guildhall.content.MediaLink;
import org.guildhall.content.MediaView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Links to an item's media for a reader the access policy let in: signed links that expire after
 * {@code guildhall.media.link-ttl} (long enough to watch a lecture; the player keeps seeking with
 * the same link). Bodies keep their files as unsigned {@code /media/s/{id}} links (Markdown's
 * {@code media:{id}}), which answer 403; a readable body gets them signed when it is shown — only
 * files that belong to the item's author, so an author cannot hand out someone else's paid media.
 */
@Component
class ContentMedia {

  private static final Pattern MEDIA_LINK =
      Pattern.compile("/media/s/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\"");

  private final MediaApi media;
  private final JdbcClient jdbc;
  private final Duration ttl;

  ContentMedia(
      MediaApi media, JdbcClient jdbc, @Value("${guildhall.media.link-ttl:PT3H}") Duration ttl) {
    this.media = media;
    this.jdbc = jdbc;
    this.ttl = ttl;
  }

  Optional<MediaLink> link(UUID mediaId, int resumeAt) {
    return media.find(mediaId).map(m -> link(m, resumeAt));
  }

  /** Links to files in the given order, read in one statement. */
  List<MediaLink> links(List<UUID> mediaIds) {
    var found = media.findAll(mediaIds);
    List<MediaLink> links = new ArrayList<>();
    for (UUID id : mediaIds) {
      MediaView m = found.get(id);
      if (m != null) {
        links.add(link(m, 0));
      }
    }
    return links;
  }

  private MediaLink link(MediaView m, int resumeAt) {
    String url = m.isImage() ? m.url() : media.signedUrl(m.id(), ttl);
    return new MediaLink(
        m.id(), m.kind().name(), url, m.contentType(), m.originalName(), m.size(), resumeAt);
  }

  /** The body with its links to the author's own media files signed for this reading. */
  String sign(String html, UUID authorId) {
    Matcher found = MEDIA_LINK.matcher(html);
    Set<UUID> ids = new LinkedHashSet<>();
    while (found.find()) {
      ids.add(UUID.fromString(found.group(1)));
    }
    if (ids.isEmpty()) {
      return html;
    }
    Set<UUID> own =
        Set.copyOf(
            jdbc.sql("SELECT id FROM content_media WHERE owner_id = :owner AND id IN (:ids)")
                .param("owner", authorId)
                .param("ids", ids)
                .query(UUID.class)
                .list());
    return MEDIA_LINK
        .matcher(html)
        .replaceAll(
            match -> {
              UUID id = UUID.fromString(match.group(1));
              return Matcher.quoteReplacement(
                  own.contains(id)
                      ? media.signedUrl(id, ttl).replace("&", "&amp;") + "\""
                      : match.group());
            });
  }
}

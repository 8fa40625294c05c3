package org.guildhall.content.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.content.CatalogFilter;
import org.guildhall.content.CategoryView;
import org.guildhall.content.ContentAccess;
import org.guildhall.content.ContentEvents;
import org.guildhall.content.ContentKind;
import org.guildhall.content.ContentStatus;
import org.guildhall.content.CourseOutline;
import org.guildhall.content.CourseOutline.LessonLine;
import org.guildhall.content.CourseOutline.SectionLine;
import org.guildhall.content.ItemCard;
import org.guildhall.content.ItemPage;
import org.guildhall.content.LearnerProgress;
import org.guildhall.content.LearnerProgress.CourseProgress;
import org.guildhall.content.LessonPage;
import org.guildhall.content.MediaApi;
import org.guildhall.content.MediaLink;
import org.guildhall.identity.AccountId;
import org.guildhall.identity.AccountSummary;
import org.guildhall.identity.IdentityApi;
import org.guildhall.membership.AccessDecision;
import org.guildhall.membership.AccessDecision.Reason;
import org.guildhall.membership.AccessRule;
import org.guildhall.membership.MembershipApi;
import org.guildhall.membership.Reader;
import org.guildhall.platform.DomainException;
import org.guildhall.shared.paging.Cursor;
import org.guildhall.shared.paging.KeysetPage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Builds content pages for one reader. Every decision goes through the access policy: lists decide
 * with the reader's {@link Reader} (no query per item), a refused page asks {@link
 * MembershipApi#access} for the ways in. An item the reader may not see at all (a draft, a
 * scheduled item outside their early-access window) is not found.
 */
@Service
public class ContentReader {

  private static final int MAX_PAGE = 48;

  private final ContentQueries queries;
  private final MembershipApi membership;
  private final IdentityApi identity;
  private final ObjectProvider<LearnerProgress> learning;
  private final ContentMedia media;
  private final MediaApi mediaFiles;
  private final ViewCounter views;
  private final Clock clock;
  private final Cache<String, List<ItemRow>> homeLists =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).maximumSize(64).build();

  ContentReader(
      ContentQueries queries,
      MembershipApi membership,
      IdentityApi identity,
      ObjectProvider<LearnerProgress> learning,
      ContentMedia media,
      MediaApi mediaFiles,
      ViewCounter views,
      Clock clock) {
    this.queries = queries;
    this.membership = membership;
    this.identity = identity;
    this.learning = learning;
    this.media = media;
    this.mediaFiles = mediaFiles;
    this.views = views;
    this.clock = clock;
  }

  /** The latest moment of publication this reader sees: now, plus their tier's early access. */
  Instant horizon(Reader reader) {
    return clock.instant().plus(Duration.ofDays(reader.earlyAccessDays()));
  }

  @Transactional(readOnly = true)
  public KeysetPage<ItemCard> catalog(
      CatalogFilter filter, String cursor, int size, Reader reader) {
    int limit = Math.max(1, Math.min(size, MAX_PAGE));
    Cursor after = Cursor.decode(cursor).orElse(null);
    UUID categoryId = null;
    if (filter.category() != null) {
      categoryId =
          queries.categories().stream()
              .filter(c -> c.slug().equals(filter.category()))
              .findFirst()
              .map(ContentQueries.CategoryRow::id)
              .orElseThrow(() -> DomainException.notFound("content.not-found"));
    }
    UUID tagId =
        filter.tag() == null
            ? null
            : queries
                .tagId(filter.tag())
                .orElseThrow(() -> DomainException.notFound("content.not-found"));
    List<ItemRow> rows =
        queries.list(
            new ContentQueries.Filter(filter.kind(), categoryId, tagId, filter.lang()),
            horizon(reader),
            after,
            limit + 1);
    return KeysetPage.of(cards(rows, reader), limit, c -> new Cursor(c.publishedAt(), c.id()));
  }

  /**
   * What was published in the last seven days. The rows are shared by every reader with the same
   * early-access window for a minute (the home page is the hottest page); each reader's locks are
   * decided in memory. No transaction: once the rows are cached there is nothing to read, and a
   * miss is one statement.
   */
  public List<ItemCard> newThisWeek(Reader reader, int limit) {
    List<ItemRow> rows =
        homeLists.get(
            "fresh:" + reader.earlyAccessDays() + ":" + limit,
            k -> {
              Instant now = clock.instant();
              return queries.since(now.minus(Duration.ofDays(7)), horizon(reader), limit);
            });
    return cards(rows, reader);
  }

  /** The most enrolled and viewed items; rows shared for a minute like {@link #newThisWeek}. */
  public List<ItemCard> popular(Reader reader, int limit) {
    List<ItemRow> rows =
        homeLists.get(
            "popular:" + reader.earlyAccessDays() + ":" + limit,
            k -> queries.popular(horizon(reader), limit));
    return cards(rows, reader);
  }

  /**
   * A published, edited or archived item changes what the home page's shared lists hold, so they
   * are dropped once the change commits (on this instance; others catch up within the minute).
   * Without this a visitor who opened the home page while the demo content was being seeded kept
   * seeing an empty page for a minute.
   */
  @TransactionalEventListener(fallbackExecution = true)
  void on(ContentEvents.ItemPublished event) {
    homeLists.invalidateAll();
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(ItemsChanged event) {
    homeLists.invalidateAll();
  }

  /** Cards for items by id, in the given order, skipping those the reader may not see. */
  @Transactional(readOnly = true)
  public List<ItemCard> cardsById(List<UUID> ids, Reader reader) {
    Map<UUID, ItemRow> byId = new LinkedHashMap<>();
    queries.rows(ids).forEach(r -> byId.put(r.id(), r));
    List<ItemRow> ordered = new ArrayList<>();
    for (UUID id : ids) {
      ItemRow row = byId.get(id);
      if (row != null && visible(row, reader)) {
        ordered.add(row);
      }
    }
    return cards(ordered, reader);
  }

  List<ItemCard> cards(List<ItemRow> rows, Reader reader) {
    Instant now = clock.instant();
    return rows.stream().map(r -> card(r, reader.mayRead(r.rule()), now)).toList();
  }

  ItemCard card(ItemRow row, boolean readable, Instant now) {
    return new ItemCard(
        row.id(),
        row.kind(),
        row.slug(),
        row.title(),
        row.excerpt(),
        row.coverMediaId() == null
            ? null
            : mediaFiles.thumbnailUrl(row.coverMediaId(), MediaApi.THUMB_LARGE),
        row.lang(),
        row.publishedAt(),
        row.access(),
        row.minTierRank(),
        row.price(),
        row.durationSeconds(),
        row.lessons(),
        !readable,
        row.publishedAt() != null && row.publishedAt().isAfter(now),
        tierName(row));
  }

  /**
   * The tier a members' item needs, or that includes a sold item, in the reader's language (from
   * the cached tier list; null when none applies).
   */
  private String tierName(ItemRow row) {
    if (row.access() == ContentAccess.PUBLIC
        || (row.access() == ContentAccess.PURCHASE && row.minTierRank() == 0)) {
      return null;
    }
    return membership.tiers(LocaleContextHolder.getLocale()).stream()
        .filter(t -> t.rank() >= row.minTierRank() && !t.isFree())
        .findFirst()
        .map(org.guildhall.membership.TierView::name)
        .orElse(null);
  }

  @Transactional(readOnly = true)
  public List<CategoryView> categories(Locale locale) {
    boolean chinese = "zh".equals(locale.getLanguage());
    return queries.categories().stream()
        .map(c -> new CategoryView(c.slug(), c.name(chinese)))
        .toList();
  }

  @Transactional
  public void countEnrolment(UUID courseId) {
    views.enrolled(courseId);
  }

  /** Whether the reader may see that the item exists (not whether they may read its body). */
  boolean visible(ItemRow row, Reader reader) {
    if (reader.staff() || (reader.id() != null && reader.id().equals(row.authorId()))) {
      return true;
    }
    return switch (row.status()) {
      case PUBLISHED -> true;
      case SCHEDULED -> row.publishedAt() != null && !row.publishedAt().isAfter(horizon(reader));
      case ARCHIVED -> reader.mayRead(row.rule());
      case DRAFT, IN_REVIEW -> false;
    };
  }

  @Transactional(readOnly = true)
  public ItemPage page(ContentKind kind, String slug, Reader reader, Locale locale) {
    ContentQueries.ItemText text =
        queries
            .page(slug)
            .filter(t -> t.row().kind() == kind && visible(t.row(), reader))
            .orElseThrow(() -> DomainException.notFound("content.not-found"));
    ItemRow row = text.row();
    ItemRow column = row.columnId() == null ? null : queries.row(row.columnId()).orElse(null);
    AccessRule rule = column == null ? row.rule() : column.rule().withAuthor(row.authorId());
    AccessDecision decision = decide(rule, reader, locale);
    Instant now = clock.instant();
    if (row.status() == ContentStatus.PUBLISHED) {
      views.count(row.id());
    }
    Optional<AccountSummary> author = identity.find(new AccountId(row.authorId()));
    String categorySlug = null;
    String categoryName = null;
    if (row.categoryId() != null) {
      var category =
          queries.categories().stream().filter(c -> c.id().equals(row.categoryId())).findFirst();
      categorySlug = category.map(ContentQueries.CategoryRow::slug).orElse(null);
      categoryName = category.map(c -> c.name("zh".equals(locale.getLanguage()))).orElse(null);
    }
    List<ItemCard> articles = List.of();
    if (kind == ContentKind.COLUMN) {
      articles =
          queries.columnArticles(row.id(), horizon(reader)).stream()
              .map(a -> card(a, decision.allowed(), now))
              .toList();
    }
    CourseOutline outline = null;
    CourseProgress progress = CourseProgress.NONE;
    if (kind == ContentKind.COURSE) {
      progress = progress(reader, row.id());
      outline = outline(row, decision, progress, now);
    }
    MediaLink mediaLink =
        decision.allowed() && row.mediaId() != null
            ? media.link(row.mediaId(), 0).orElse(null)
            : null;
    return new ItemPage(
        card(row, decision.allowed(), now),
        row.status(),
        row.authorId(),
        author.map(AccountSummary::displayName).orElse(""),
        author.map(AccountSummary::handle).orElse(null),
        categorySlug,
        categoryName,
        queries.tagsOf(row.id()),
        decision.allowed() ? media.sign(text.bodyHtml(), row.authorId()) : text.previewHtml(),
        decision,
        mediaLink,
        column == null ? null : card(column, decision.allowed(), now),
        articles,
        outline,
        progress);
  }

  @Transactional(readOnly = true)
  public LessonPage lesson(String courseSlug, UUID lessonId, Reader reader, Locale locale) {
    ItemRow course =
        queries
            .row(courseSlug)
            .filter(r -> r.kind() == ContentKind.COURSE && visible(r, reader))
            .orElseThrow(() -> DomainException.notFound("content.not-found"));
    ContentQueries.LessonText text =
        queries
            .lesson(lessonId)
            .filter(l -> l.courseId().equals(course.id()))
            .orElseThrow(() -> DomainException.notFound("content.not-found"));
    Instant now = clock.instant();
    CourseProgress progress = progress(reader, course.id());
    AccessDecision courseDecision = decide(course.rule(), reader, locale);
    CourseOutline outline = outline(course, courseDecision, progress, now);
    List<LessonLine> lines =
        outline.sections().stream().flatMap(s -> s.lessons().stream()).toList();
    int index = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).id().equals(lessonId)) {
        index = i;
      }
    }
    if (index < 0) {
      throw DomainException.notFound("content.not-found");
    }
    LessonLine line = lines.get(index);
    AccessDecision decision =
        line.preview() && !courseDecision.allowed()
            ? decide(course.rule().withPreview(true), reader, locale)
            : courseDecision;
    boolean open = line.state() == LessonLine.State.OPEN;
    MediaLink mediaLink = null;
    List<MediaLink> attachments = List.of();
    if (open && text.mediaId() != null) {
      mediaLink =
          media.link(text.mediaId(), progress.positions().getOrDefault(lessonId, 0)).orElse(null);
    }
    if (open) {
      attachments = media.links(queries.attachments(lessonId));
    }
    return new LessonPage(
        card(course, courseDecision.allowed(), now),
        lessonId,
        line.number(),
        line.title(),
        line.kind(),
        line.preview(),
        open ? media.sign(text.bodyHtml(), course.authorId()) : "",
        mediaLink,
        attachments,
        decision,
        line.state() == LessonLine.State.DRIP ? line.opensAt() : null,
        line.completed(),
        outline,
        progress,
        index > 0 ? lines.get(index - 1).id() : null,
        index < lines.size() - 1 ? lines.get(index + 1).id() : null);
  }

  /**
   * Whether the reader may open the lesson now (it is theirs to read and open by drip): what
   * learning asks before recording progress.
   */
  @Transactional(readOnly = true)
  public boolean mayOpen(UUID courseId, UUID lessonId, Reader reader) {
    Optional<ItemRow> course = queries.row(courseId).filter(r -> visible(r, reader));
    if (course.isEmpty()) {
      return false;
    }
    AccessRule rule = course.get().rule();
    boolean courseOpen = reader.mayRead(rule);
    CourseProgress progress = progress(reader, courseId);
    AccessDecision decision =
        courseOpen
            ? AccessDecision.allow(reader.reason(rule))
            : new AccessDecision(false, Reason.NONE, List.of());
    return outline(course.get(), decision, progress, clock.instant()).sections().stream()
        .flatMap(s -> s.lessons().stream())
        .anyMatch(l -> l.id().equals(lessonId) && l.state() == LessonLine.State.OPEN);
  }

  private AccessDecision decide(AccessRule rule, Reader reader, Locale locale) {
    Reason reason = reader.reason(rule);
    if (reason != Reason.NONE) {
      return AccessDecision.allow(reason);
    }
    return membership.access(reader.id(), rule, locale);
  }

  private CourseProgress progress(Reader reader, UUID courseId) {
    if (reader.id() == null) {
      return CourseProgress.NONE;
    }
    LearnerProgress source = learning.getIfAvailable();
    return source == null ? CourseProgress.NONE : source.of(reader.id(), courseId);
  }

  /**
   * The course's lessons for this learner. A lesson is open when the learner may read the course
   * (or it is a preview) and, for a drip lesson, its days since enrolment have passed; the author
   * and staff see every lesson open.
   */
  CourseOutline outline(
      ItemRow course, AccessDecision decision, CourseProgress progress, Instant now) {
    boolean bypassDrip = decision.reason() == Reason.AUTHOR || decision.reason() == Reason.STAFF;
    Map<UUID, List<LessonLine>> bySection = new LinkedHashMap<>();
    Map<UUID, String> titles = new LinkedHashMap<>();
    int number = 0;
    int completed = 0;
    for (ContentQueries.OutlineRow r : queries.outline(course.id())) {
      titles.putIfAbsent(r.sectionId(), r.sectionTitle());
      List<LessonLine> lines = bySection.computeIfAbsent(r.sectionId(), k -> new ArrayList<>());
      if (r.lessonId() == null) {
        continue;
      }
      number++;
      boolean done = progress.completed().contains(r.lessonId());
      if (done) {
        completed++;
      }
      LessonLine.State state;
      Instant opensAt = null;
      if (!decision.allowed() && !r.preview()) {
        state = LessonLine.State.LOCKED;
      } else if (r.dripDays() > 0 && !r.preview() && !bypassDrip) {
        opensAt =
            progress.enrolledAt() == null
                ? null
                : progress.enrolledAt().plus(Duration.ofDays(r.dripDays()));
        state =
            opensAt != null && !opensAt.isAfter(now)
                ? LessonLine.State.OPEN
                : LessonLine.State.DRIP;
      } else {
        state = LessonLine.State.OPEN;
      }
      lines.add(
          new LessonLine(
              r.lessonId(),
              number,
              r.title(),
              r.kind(),
              r.durationSeconds(),
              r.preview(),
              r.dripDays(),
              state,
              opensAt,
              done));
    }
    List<SectionLine> sections = new ArrayList<>();
    bySection.forEach((id, lines) -> sections.add(new SectionLine(id, titles.get(id), lines)));
    return new CourseOutline(sections, number, completed);
  }
}

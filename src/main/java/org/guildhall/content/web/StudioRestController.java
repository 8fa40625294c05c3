package org.guildhall.content.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guildhall.content.ContentAccess;
import org.guildhall.content.ContentKind;
import org.guildhall.content.ContentStatus;
import org.guildhall.content.ItemDraft;
import org.guildhall.content.LessonDraft;
import org.guildhall.content.LessonKind;
import org.guildhall.content.StudioAction;
import org.guildhall.content.StudioApi;
import org.guildhall.content.StudioDiff;
import org.guildhall.content.StudioFilter;
import org.guildhall.content.StudioItem;
import org.guildhall.content.StudioItemDetail;
import org.guildhall.content.StudioLesson;
import org.guildhall.content.StudioOutline;
import org.guildhall.content.StudioRevision;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.web.AuthenticatedAccount;
import org.guildhall.shared.Money;
import org.guildhall.shared.paging.KeysetPage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Authoring over JSON, for experts (their own items) and the owner (every item; review). Amounts
 * are in minor units (分 / cents) with their currency; instants are ISO-8601. A refusal is an RFC
 * 9457 problem: 403 for someone else's item or an expert approving, 409 for a step the item's state
 * does not allow or a stale {@code version}, 422 with every field error (nothing saved).
 */
@RestController
@RequestMapping("/api/v1/studio")
@Tag(
    name = "Studio",
    description =
        "Authoring (roles EXPERT and OWNER): items, course outlines, lessons, the review workflow"
            + " DRAFT → IN_REVIEW → SCHEDULED → PUBLISHED → ARCHIVED, and revisions.")
class StudioRestController {

  private final StudioApi studio;

  StudioRestController(StudioApi studio) {
    this.studio = studio;
  }

  /** An item in a list. */
  record ItemSummary(
      UUID id,
      ContentKind kind,
      String title,
      String slug,
      ContentStatus status,
      UUID authorId,
      String authorName,
      Instant updatedAt,
      Instant publishedAt,
      String url) {

    static ItemSummary of(StudioItem i) {
      return new ItemSummary(
          i.id(),
          i.kind(),
          i.title(),
          i.slug(),
          i.status(),
          i.authorId(),
          i.authorName(),
          i.updatedAt(),
          i.publishedAt(),
          i.path());
    }
  }

  /** An item with everything its author edits; send {@code version} back with a change. */
  record Item(
      UUID id,
      ContentKind kind,
      String title,
      String slug,
      String lang,
      String excerpt,
      String bodyMd,
      String category,
      List<String> tags,
      UUID columnId,
      UUID coverMediaId,
      UUID mediaId,
      Integer durationSeconds,
      ContentAccess access,
      int minTierRank,
      Long priceMinor,
      String currency,
      ContentStatus status,
      Instant publishedAt,
      String reviewNote,
      UUID authorId,
      String authorName,
      long version,
      Instant updatedAt,
      String url) {

    static Item of(StudioItemDetail d) {
      return new Item(
          d.id(),
          d.kind(),
          d.title(),
          d.slug(),
          d.lang(),
          d.excerpt(),
          d.bodyMd(),
          d.categorySlug(),
          d.tags(),
          d.columnId(),
          d.coverMediaId(),
          d.mediaId(),
          d.durationSeconds(),
          d.access(),
          d.minTierRank(),
          d.price() == null ? null : d.price().minor(),
          d.price() == null ? null : d.price().currency().getCurrencyCode(),
          d.status(),
          d.publishedAt(),
          d.reviewNote(),
          d.authorId(),
          d.authorName(),
          d.version(),
          d.updatedAt(),
          d.path());
    }
  }

  /**
   * An item as written. {@code kind} is needed to create (course, article, column, audio, video,
   * replay); {@code access} defaults to PUBLIC; {@code minTierRank} is the lowest tier for MEMBERS,
   * or the lowest tier that has a PURCHASE item included (0: none); {@code priceMinor} in minor
   * units of {@code currency} (default: the community's). {@code version}: the version read
   * (optional; a stale one is refused with 409). {@code note} goes on the revision.
   */
  record ItemRequest(
      String kind,
      String title,
      String slug,
      String lang,
      String excerpt,
      String bodyMd,
      String category,
      List<String> tags,
      UUID columnId,
      UUID coverMediaId,
      UUID mediaId,
      Integer durationSeconds,
      ContentAccess access,
      Integer minTierRank,
      Long priceMinor,
      String currency,
      String note,
      Long version) {

    ItemDraft toDraft(Currency fallback) {
      Map<String, String> errors = new LinkedHashMap<>();
      Money price = null;
      if (priceMinor != null) {
        try {
          price =
              new Money(
                  priceMinor,
                  currency == null || currency.isBlank()
                      ? fallback
                      : Currency.getInstance(currency.strip()));
        } catch (IllegalArgumentException e) {
          errors.put("currency", "studio.error.currency");
        }
      }
      if (!errors.isEmpty()) {
        throw DomainException.invalid(errors);
      }
      return new ItemDraft(
          title == null ? "" : title,
          slug,
          lang,
          excerpt,
          bodyMd,
          category,
          tags,
          columnId,
          coverMediaId,
          mediaId,
          durationSeconds,
          access == null ? ContentAccess.PUBLIC : access,
          minTierRank == null ? 0 : minTierRank,
          price);
    }
  }

  /** A lesson with everything its author edits; send {@code version} back with a change. */
  record Lesson(
      UUID id,
      UUID courseId,
      UUID sectionId,
      String title,
      LessonKind kind,
      String bodyMd,
      UUID mediaId,
      Integer durationSeconds,
      boolean preview,
      int dripDays,
      List<UUID> attachments,
      long version,
      Instant updatedAt) {

    static Lesson of(StudioLesson l) {
      return new Lesson(
          l.id(),
          l.courseId(),
          l.sectionId(),
          l.title(),
          l.kind(),
          l.bodyMd(),
          l.mediaId(),
          l.durationSeconds(),
          l.preview(),
          l.dripDays(),
          l.attachments(),
          l.version(),
          l.updatedAt());
    }
  }

  /** A lesson as written; {@code kind} defaults to TEXT, {@code dripDays} (0–3650) to 0. */
  record LessonRequest(
      String title,
      LessonKind kind,
      String bodyMd,
      UUID mediaId,
      Integer durationSeconds,
      Boolean preview,
      Integer dripDays,
      List<UUID> attachments,
      String note,
      Long version) {

    LessonDraft toDraft() {
      return new LessonDraft(
          title == null ? "" : title,
          kind == null ? LessonKind.TEXT : kind,
          bodyMd,
          mediaId,
          durationSeconds,
          Boolean.TRUE.equals(preview),
          dripDays == null ? 0 : dripDays,
          attachments);
    }
  }

  record ApproveRequest(Instant at) {}

  record RejectRequest(String note) {}

  record SectionRequest(String title) {}

  record Created(UUID id) {}

  record Restored(boolean changed, UUID targetId) {}

  @GetMapping("/items")
  @Operation(
      summary = "My items (the owner: everyone's), by last change, newest first",
      description =
          "Filter by `status`, `kind` and (the owner) `author` (an account id). Pass the previous"
              + " page's `next` as `after`.")
  KeysetPage<ItemSummary> items(
      @AuthenticationPrincipal AuthenticatedAccount me,
      @RequestParam(required = false) ContentStatus status,
      @RequestParam(required = false) ContentKind kind,
      @RequestParam(required = false) UUID author,
      @RequestParam(required = false) String after,
      @RequestParam(defaultValue = "25") int size) {
    if (size < 1 || size > 100) {
      throw DomainException.invalidField("size", "validation.page-size");
    }
    return studio
        .items(me.accountId(), new StudioFilter(author, status, kind), after, size)
        .map(ItemSummary::of);
  }

  @GetMapping("/review")
  @Operation(summary = "Items waiting for review, the longest waiting first (OWNER)")
  KeysetPage<ItemSummary> review(
      @AuthenticationPrincipal AuthenticatedAccount me,
      @RequestParam(required = false) String after,
      @RequestParam(defaultValue = "25") int size) {
    if (size < 1 || size > 100) {
      throw DomainException.invalidField("size", "validation.page-size");
    }
    return studio.reviewQueue(me.accountId(), after, size).map(ItemSummary::of);
  }

  @PostMapping("/items")
  @Operation(
      summary = "Create a draft",
      description =
          "Every field is checked at once; a 422 lists every field error and stores nothing. The"
              + " Markdown is rendered and sanitised; `<!--more-->` on a line of its own ends the"
              + " free preview.")
  ResponseEntity<Item> create(
      @AuthenticationPrincipal AuthenticatedAccount me, @RequestBody ItemRequest request) {
    ContentKind kind =
        ContentKind.ofItemKind(
                request.kind() == null
                    ? ""
                    : request.kind().strip().toLowerCase(java.util.Locale.ROOT))
            .orElseThrow(() -> DomainException.invalidField("kind", "studio.error.kind"));
    UUID id;
    try {
      id = studio.create(kind, request.toDraft(studio.currency()), request.note(), me.accountId());
    } catch (DomainException e) {
      throw renamed(e);
    }
    return ResponseEntity.created(URI.create("/api/v1/studio/items/" + id))
        .body(Item.of(studio.item(id, me.accountId())));
  }

  @GetMapping("/items/{id}")
  @Operation(summary = "One item with its Markdown, settings, state and version")
  Item item(@AuthenticationPrincipal AuthenticatedAccount me, @PathVariable UUID id) {
    return Item.of(studio.item(id, me.accountId()));
  }

  @PutMapping("/items/{id}")
  @Operation(
      summary = "Replace an item's text and settings",
      description =
          "Send every field (as read, changed where wanted). With `version`, a change made by"
              + " someone else since is refused with 409. A changed title or text becomes a new"
              + " revision.")
  Item update(
      @AuthenticationPrincipal AuthenticatedAccount me,
      @PathVariable UUID id,
      @RequestBody ItemRequest request) {
    try {
      studio.save(
          id,
          request.toDraft(studio.currency()),
          request.version(),
          request.note(),
          StudioAction.SAVE,
          null,
          me.accountId());
    } catch (DomainException e) {
      throw renamed(e);
    }
    return Item.of(studio.item(id, me.accountId()));
  }

  @PostMapping("/items/{id}/submit")
  @Operation(summary = "Ask the owner to review a draft (DRAFT → IN_REVIEW)")
  Item submit(@AuthenticationPrincipal AuthenticatedAccount me, @PathVariable UUID id) {
    studio.act(id, StudioAction.SUBMIT, null, me.accountId());
    return Item.of(studio.item(id, me.accountId()));
  }

  @PostMapping("/items/{id}/approve")
  @Operation(
      summary = "Publish now or schedule (OWNER)",
      description =
          "Without `at` the item is published now; with a future `at` it is SCHEDULED and a job"
              + " publishes it then. Only a draft or an item in review can be approved.")
  Item approve(
      @AuthenticationPrincipal AuthenticatedAccount me,
      @PathVariable UUID id,
      @RequestBody(required = false) ApproveRequest request) {
    Instant at = request == null ? null : request.at();
    try {
      studio.approve(id, at, me.accountId());
    } catch (DomainException e) {
      throw renamed(e);
    }
    return Item.of(studio.item(id, me.accountId()));
  }

  @PostMapping("/items/{id}/reject")
  @Operation(summary = "Send an item back to its author with a note (OWNER)")
  Item reject(
      @AuthenticationPrincipal AuthenticatedAccount me,
      @PathVariable UUID id,
      @RequestBody RejectRequest request) {
    studio.reject(id, request.note(), me.accountId());
    return Item.of(studio.item(id, me.accountId()));
  }

  @PostMapping("/items/{id}/archive")
  @Operation(summary = "Archive a published item (hidden from the catalog; buyers keep it)")
  Item archive(@AuthenticationPrincipal AuthenticatedAccount me, @PathVariable UUID id) {
    studio.act(id, StudioAction.ARCHIVE, null, me.accountId());
    return Item.of(studio.item(id, me.accountId()));
  }

  @PostMapping("/items/{id}/reopen")
  @Operation(summary = "Back to draft (from review, scheduled or archived)")
  Item reopen(@AuthenticationPrincipal AuthenticatedAccount me, @PathVariable UUID id) {
    studio.act(id, StudioAction.REOPEN, null, me.accountId());
    return Item.of(studio.item(id, me.accountId()));
  }

  @GetMapping("/items/{id}/outline")
  @Operation(summary = "A course's sections and lessons in order")
  StudioOutline outline(@AuthenticationPrincipal AuthenticatedAccount me, @PathVariable UUID id) {
    return studio.outline(id, me.accountId());
  }

  @PostMapping("/items/{id}/sections")
  @Operation(summary = "Add a section at the end of a course")
  ResponseEntity<Created> addSection(
      @AuthenticationPrincipal AuthenticatedAccount me,
      @PathVariable UUID id,
      @RequestBody SectionRequest request) {
    UUID section = studio.addSection(id, request.title(), me.accountId());
    return ResponseEntity.status(HttpStatus.CREATED).body(new Created(section));
  }

  @PostMapping("/items/{id}/sections/{sectionId}/lessons")
  @Operation(
      summary = "Add a lesson at the end of a section",
      description = "A VIDEO or AUDIO lesson needs `mediaId`, one of the author's uploads.")
  ResponseEntity<Lesson> addLesson(
      @AuthenticationPrincipal AuthenticatedAccount me,
      @PathVariable UUID id,
      @PathVariable UUID sectionId,
      @RequestBody LessonRequest request) {
    UUID lesson =
        studio.addLesson(id, sectionId, request.toDraft(), request.note(), me.accountId());
    return ResponseEntity.created(URI.create("/api/v1/studio/lessons/" + lesson))
        .body(Lesson.of(studio.lesson(lesson, me.accountId())));
  }

  @GetMapping("/lessons/{id}")
  @Operation(summary = "One lesson with its Markdown, settings and version")
  Lesson lesson(@AuthenticationPrincipal AuthenticatedAccount me, @PathVariable UUID id) {
    return Lesson.of(studio.lesson(id, me.accountId()));
  }

  @PutMapping("/lessons/{id}")
  @Operation(
      summary = "Replace a lesson's text and settings",
      description = "With `version`, a change made by someone else since is refused with 409.")
  Lesson updateLesson(
      @AuthenticationPrincipal AuthenticatedAccount me,
      @PathVariable UUID id,
      @RequestBody LessonRequest request) {
    studio.saveLesson(id, request.toDraft(), request.version(), request.note(), me.accountId());
    return Lesson.of(studio.lesson(id, me.accountId()));
  }

  @GetMapping("/items/{id}/revisions")
  @Operation(
      summary = "Revisions of an item and of its lessons, newest first (keyset pages)",
      description =
          "`targetId` is the item or the lesson whose text the revision holds. Pass the previous"
              + " page's `next` as `after`.")
  KeysetPage<StudioRevision> revisions(
      @AuthenticationPrincipal AuthenticatedAccount me,
      @PathVariable UUID id,
      @RequestParam(required = false) String after,
      @RequestParam(defaultValue = "25") int size) {
    if (size < 1 || size > 100) {
      throw DomainException.invalidField("size", "validation.page-size");
    }
    return studio.revisions(id, me.accountId(), after, size);
  }

  @GetMapping("/items/{id}/revisions/{revisionId}")
  @Operation(summary = "A revision's diff against the current text, line by line")
  StudioDiff diff(
      @AuthenticationPrincipal AuthenticatedAccount me,
      @PathVariable UUID id,
      @PathVariable UUID revisionId) {
    StudioDiff diff = studio.diff(revisionId, me.accountId());
    if (!diff.revision().itemId().equals(id)) {
      throw DomainException.notFound("content.not-found");
    }
    return diff;
  }

  @PostMapping("/items/{id}/revisions/{revisionId}/restore")
  @Operation(
      summary = "Restore a revision",
      description =
          "Its title and text become the current ones, as a new revision (HTML rendered again);"
              + " `changed` is false when they already were.")
  Restored restore(
      @AuthenticationPrincipal AuthenticatedAccount me,
      @PathVariable UUID id,
      @PathVariable UUID revisionId) {
    StudioDiff diff = diff(me, id, revisionId);
    return new Restored(studio.restore(revisionId, me.accountId()), diff.revision().targetId());
  }

  /** The same refusal with the API's field names (the forms' names differ for a few). */
  private static DomainException renamed(DomainException e) {
    if (e.status() != HttpStatus.UNPROCESSABLE_ENTITY) {
      return e;
    }
    Map<String, String> names =
        Map.of("price", "priceMinor", "categorySlug", "category", "publishAt", "at");
    Map<String, String> errors = new LinkedHashMap<>();
    e.fieldErrors().forEach((field, key) -> errors.put(names.getOrDefault(field, field), key));
    return DomainException.invalid(errors);
  }
}

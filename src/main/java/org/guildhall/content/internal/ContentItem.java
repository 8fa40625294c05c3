package org.guildhall.content.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.guildhall.content.ContentAccess;
import org.guildhall.content.ContentKind;
import org.guildhall.content.ContentStatus;
import org.guildhall.platform.DomainException;
import org.guildhall.shared.Money;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.engine.backend.types.TermVector;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.ValueBridgeRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexedEmbedded;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;

/**
 * A course, article, column, audio, video or live replay. Its text is kept as Markdown and as the
 * sanitised HTML rendered from it when saved (with the free preview part apart), so pages never
 * render Markdown. Workflow transitions are methods that check where the item stands.
 *
 * <p>It is also the search index's document (docs/search.md): title, excerpt and the body's plain
 * text (and its course's lessons) as full text; kind, status, publication time, language and author
 * as filters; who may read it through {@link ReadAccessBinder}. Hibernate Search updates the index
 * on every write through JPA.
 */
@Entity
@Table(name = "content_item")
@Indexed(index = "content-item")
@TypeBinding(binder = @TypeBinderRef(type = ReadAccessBinder.class))
class ContentItem {

  @Id private UUID id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  @GenericField
  private ContentKind kind;

  @Column(nullable = false)
  private String slug;

  @Column(nullable = false)
  @KeywordField
  private String lang;

  @Column(nullable = false)
  @FullTextField(analyzer = ContentAnalyzer.NAME, highlightable = Highlightable.PLAIN)
  private String title;

  @Column(nullable = false)
  @FullTextField(analyzer = ContentAnalyzer.NAME, highlightable = Highlightable.PLAIN)
  private String excerpt;

  @Column(nullable = false)
  @FullTextField(
      name = "body",
      analyzer = ContentAnalyzer.NAME,
      valueBridge = @ValueBridgeRef(type = MarkdownTextBridge.class),
      highlightable = Highlightable.FAST_VECTOR,
      termVector = TermVector.WITH_POSITIONS_OFFSETS)
  private String bodyMd;

  @Column(nullable = false)
  private String bodyHtml;

  @Column(nullable = false)
  private String previewHtml;

  private int bodyChars;
  private UUID coverMediaId;
  private UUID mediaId;
  private Integer durationSeconds;
  private UUID categoryId;

  @Column(name = "column_id")
  private UUID columnId;

  /** The column an article is in (the same row as {@link #columnId}, kept in step with it). */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "column_id", insertable = false, updatable = false)
  private ContentItem column;

  /**
   * A column's articles: read only, so that search reindexes them when the column's access does.
   */
  @OneToMany(mappedBy = "column")
  private Set<ContentItem> articles = new HashSet<>();

  /** A course's lessons: read only, their titles and text are searched with the course. */
  @OneToMany(mappedBy = "course")
  @IndexedEmbedded(includePaths = {"title", "body"})
  private List<Lesson> lessons = new ArrayList<>();

  @Column(nullable = false)
  @GenericField
  private UUID authorId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  @GenericField
  private ContentStatus status;

  @GenericField(sortable = Sortable.YES)
  private Instant publishedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ContentAccess access;

  private int minTierRank;
  private Long priceMinor;
  private String currency;
  private String reviewNote;
  private int revision;
  private long enrolments;
  private long views;

  @Column(nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected ContentItem() {}

  ContentItem(
      ContentKind kind, String slug, String lang, String title, UUID authorId, Instant now) {
    this.id = UUID.randomUUID();
    this.kind = kind;
    this.slug = slug;
    this.lang = lang;
    this.title = title;
    this.excerpt = "";
    this.bodyMd = "";
    this.bodyHtml = "";
    this.previewHtml = "";
    this.authorId = authorId;
    this.status = ContentStatus.DRAFT;
    this.access = ContentAccess.PUBLIC;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** New text; the caller has rendered it. Returns true when the text changed. */
  boolean write(
      String title, String excerpt, String bodyMd, ContentText.Rendered rendered, Instant now) {
    boolean changed = !this.title.equals(title) || !this.bodyMd.equals(bodyMd);
    this.title = title;
    this.excerpt = excerpt;
    this.bodyMd = bodyMd;
    this.bodyHtml = rendered.html();
    this.previewHtml = rendered.previewHtml();
    this.bodyChars = rendered.chars();
    this.updatedAt = now;
    if (changed) {
      this.revision++;
    }
    return changed;
  }

  void describe(
      String slug,
      String lang,
      UUID categoryId,
      ContentItem column,
      UUID coverMediaId,
      Instant now) {
    this.slug = slug;
    this.lang = lang;
    this.categoryId = categoryId;
    this.column = column;
    this.columnId = column == null ? null : column.id();
    this.coverMediaId = coverMediaId;
    this.updatedAt = now;
  }

  void media(UUID mediaId, Integer durationSeconds, Instant now) {
    this.mediaId = mediaId;
    this.durationSeconds = durationSeconds;
    this.updatedAt = now;
  }

  /** Who may read it: everyone, tier rank ≥ {@code minTierRank}, or buyers at {@code price}. */
  void access(ContentAccess access, int minTierRank, Money price, Instant now) {
    if (minTierRank < 0) {
      throw DomainException.invalidField("minTierRank", "content.error.rank");
    }
    if (access == ContentAccess.PURCHASE && (price == null || price.minor() <= 0)) {
      throw DomainException.invalidField("price", "content.error.price");
    }
    this.access = access;
    this.minTierRank = access == ContentAccess.PUBLIC ? 0 : minTierRank;
    this.priceMinor = access == ContentAccess.PURCHASE ? price.minor() : null;
    this.currency = access == ContentAccess.PURCHASE ? price.currency().getCurrencyCode() : null;
    this.updatedAt = now;
  }

  /** The author asks for review. */
  void submit(Instant now) {
    require(status == ContentStatus.DRAFT, "content.error.not-draft");
    status = ContentStatus.IN_REVIEW;
    reviewNote = null;
    updatedAt = now;
  }

  /**
   * The reviewer accepts: published now, or scheduled for {@code at} when that is later. An item
   * already public keeps its first publication time.
   */
  void approve(Instant at, Instant now) {
    require(
        status == ContentStatus.IN_REVIEW || status == ContentStatus.DRAFT,
        "content.error.not-in-review");
    reviewNote = null;
    if (at != null && at.isAfter(now)) {
      status = ContentStatus.SCHEDULED;
      publishedAt = at;
    } else {
      status = ContentStatus.PUBLISHED;
      publishedAt = publishedAt == null || publishedAt.isAfter(now) ? now : publishedAt;
    }
    updatedAt = now;
  }

  /** The reviewer sends it back to the author with a note. */
  void reject(String note, Instant now) {
    require(
        status == ContentStatus.IN_REVIEW || status == ContentStatus.SCHEDULED,
        "content.error.not-in-review");
    status = ContentStatus.DRAFT;
    reviewNote = note;
    updatedAt = now;
  }

  /** The scheduled time has come; true if this call published it. */
  boolean publishIfDue(Instant now) {
    if (status != ContentStatus.SCHEDULED || publishedAt == null || publishedAt.isAfter(now)) {
      return false;
    }
    status = ContentStatus.PUBLISHED;
    updatedAt = now;
    return true;
  }

  void archive(Instant now) {
    require(status == ContentStatus.PUBLISHED, "content.error.not-published");
    status = ContentStatus.ARCHIVED;
    updatedAt = now;
  }

  /**
   * Back to a draft for more work: from archived, from scheduled (it is not published then), or
   * from review (the author withdraws it).
   */
  void reopen(Instant now) {
    require(
        status == ContentStatus.ARCHIVED
            || status == ContentStatus.SCHEDULED
            || status == ContentStatus.IN_REVIEW,
        "content.error.not-reopenable");
    status = ContentStatus.DRAFT;
    updatedAt = now;
  }

  /** Whether its address is fixed: once it has been public, links and search point to it. */
  boolean slugFixed() {
    return status == ContentStatus.PUBLISHED || status == ContentStatus.ARCHIVED;
  }

  private static void require(boolean condition, String code) {
    if (!condition) {
      throw DomainException.conflict(code);
    }
  }

  public UUID id() {
    return id;
  }

  public ContentKind kind() {
    return kind;
  }

  public String slug() {
    return slug;
  }

  public String lang() {
    return lang;
  }

  public String title() {
    return title;
  }

  public String excerpt() {
    return excerpt;
  }

  public String bodyMd() {
    return bodyMd;
  }

  public String bodyHtml() {
    return bodyHtml;
  }

  public String previewHtml() {
    return previewHtml;
  }

  public UUID coverMediaId() {
    return coverMediaId;
  }

  public UUID mediaId() {
    return mediaId;
  }

  public Integer durationSeconds() {
    return durationSeconds;
  }

  public UUID categoryId() {
    return categoryId;
  }

  public UUID columnId() {
    return columnId;
  }

  ContentItem column() {
    return column;
  }

  /** The item whose access decides who reads this one: its column for an article in one. */
  ContentItem readsAs() {
    return columnId != null && column != null ? column : this;
  }

  public UUID authorId() {
    return authorId;
  }

  public ContentStatus status() {
    return status;
  }

  public Instant publishedAt() {
    return publishedAt;
  }

  public ContentAccess access() {
    return access;
  }

  public int minTierRank() {
    return minTierRank;
  }

  public Money price() {
    return priceMinor == null ? null : Money.of(priceMinor, currency);
  }

  public String reviewNote() {
    return reviewNote;
  }

  public int revision() {
    return revision;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }
}

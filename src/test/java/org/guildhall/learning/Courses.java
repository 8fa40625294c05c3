package org.guildhall.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.guildhall.content.ContentAccess;
import org.guildhall.content.ContentApi;
import org.guildhall.content.ContentKind;
import org.guildhall.content.ItemDraft;
import org.guildhall.content.LessonDraft;
import org.guildhall.content.LessonKind;
import org.guildhall.identity.IdentityApi;
import org.guildhall.shared.Money;

/** Published test courses, made through the content module's authoring API as the demo owner. */
public final class Courses {

  /** Premium's rank among the demo tiers (free 0, basic 1, premium 2). */
  public static final int PREMIUM = 2;

  private Courses() {}

  public record Course(UUID id, String slug, String title, List<UUID> lessons) {

    public UUID lesson(int index) {
      return lessons.get(index);
    }

    public UUID last() {
      return lessons.get(lessons.size() - 1);
    }
  }

  public static UUID owner(IdentityApi identity) {
    return identity.search("owner@guildhall.demo", null, null, 1).items().get(0).id().value();
  }

  public static LessonDraft lesson(String title) {
    return new LessonDraft(title, LessonKind.TEXT, "Text of " + title, null, null, false, 0, null);
  }

  public static LessonDraft preview(String title) {
    return new LessonDraft(title, LessonKind.TEXT, "Text of " + title, null, null, true, 0, null);
  }

  public static LessonDraft drip(String title, int days) {
    return new LessonDraft(
        title, LessonKind.TEXT, "Text of " + title, null, null, false, days, null);
  }

  public static List<LessonDraft> lessons(int n) {
    List<LessonDraft> lessons = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      lessons.add(lesson("Lesson " + i));
    }
    return lessons;
  }

  public static Course open(ContentApi content, UUID owner, int lessons) {
    return publish(content, owner, ContentAccess.PUBLIC, 0, null, lessons(lessons));
  }

  public static Course publish(
      ContentApi content,
      UUID owner,
      ContentAccess access,
      int minTierRank,
      Money price,
      List<LessonDraft> lessons) {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String title = "Learning test course " + tag;
    String slug = "learning-test-" + tag;
    UUID id =
        content.create(
            ContentKind.COURSE,
            new ItemDraft(
                title,
                slug,
                "en",
                "",
                "A course for tests.",
                null,
                List.of(),
                null,
                null,
                null,
                null,
                access,
                minTierRank,
                price),
            owner);
    // two sections, so that the order across sections counts
    UUID first = content.addSection(id, "Part one", owner);
    UUID second = content.addSection(id, "Part two", owner);
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < lessons.size(); i++) {
      ids.add(
          content.addLesson(
              id, i < (lessons.size() + 1) / 2 ? first : second, lessons.get(i), owner));
    }
    content.approve(id, null, owner);
    return new Course(id, slug, title, List.copyOf(ids));
  }
}

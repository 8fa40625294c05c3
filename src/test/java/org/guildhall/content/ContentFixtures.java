package org.guildhall.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.guildhall.commerce.CheckoutRequest;
import org.guildhall.commerce.CommerceApi;
import org.guildhall.commerce.ItemRef;
import org.guildhall.commerce.internal.CommercePaymentsForTests;
import org.guildhall.identity.IdentityApi;
import org.guildhall.identity.Role;
import org.guildhall.shared.Money;
import org.guildhall.support.People;

/** Courses, articles and members for content tests, made through the real services. */
public final class ContentFixtures {

  private final ContentApi content;
  private final IdentityApi identity;
  public final People.Person owner;
  public final People.Person expert;

  public ContentFixtures(ContentApi content, IdentityApi identity) {
    this.content = content;
    this.identity = identity;
    this.owner = People.provision(identity, "c-owner", Role.OWNER);
    this.expert = People.provision(identity, "c-expert", Role.EXPERT);
  }

  /** A published course by the expert with {@code lessons} lessons in two sections. */
  public Course course(
      String title, ContentAccess access, int rank, Money price, int lessons, int previewCount) {
    UUID id =
        content.create(
            ContentKind.COURSE,
            new ItemDraft(
                title,
                null,
                "en",
                "About " + title,
                "Course body of " + title,
                null,
                List.of("fixture"),
                null,
                null,
                null,
                null,
                access,
                rank,
                price),
            expert.id());
    content.approve(id, null, owner.id());
    UUID first = content.addSection(id, "Part one", expert.id());
    UUID second = content.addSection(id, "Part two", expert.id());
    List<UUID> ids = new ArrayList<>();
    for (int i = 1; i <= lessons; i++) {
      ids.add(
          content.addLesson(
              id,
              i <= lessons / 2 ? first : second,
              new LessonDraft(
                  "Lesson " + i,
                  LessonKind.TEXT,
                  "Secret text of lesson " + i + " in " + title,
                  null,
                  60 * i,
                  i <= previewCount,
                  0,
                  List.of()),
              expert.id()));
    }
    String slug = content.course(id).orElseThrow().slug();
    return new Course(id, slug, ids);
  }

  public record Course(UUID id, String slug, List<UUID> lessons) {
    public String path() {
      return "/courses/" + slug;
    }

    public String lessonPath(int number) {
      return path() + "/lessons/" + lessons.get(number - 1);
    }
  }

  /** A published article. */
  public UUID article(String title, String body, ContentAccess access, int rank, UUID columnId) {
    UUID id =
        content.create(
            ContentKind.ARTICLE,
            new ItemDraft(
                title, null, "en", "", body, null, List.of(), columnId, null, null, null, access,
                rank, null),
            expert.id());
    content.approve(id, null, owner.id());
    return id;
  }

  /** A member of the given tier slug through a paid (sandbox) order. */
  public static People.Person member(
      IdentityApi identity,
      CommerceApi commerce,
      CommercePaymentsForTests payments,
      int port,
      String prefix,
      String tierSlug) {
    People.Person person = People.provision(identity, prefix);
    var start =
        commerce.checkout(
            new CheckoutRequest(
                person.id(),
                null,
                new ItemRef("membership", tierSlug + ":YEARLY"),
                null,
                null,
                null,
                "k-" + UUID.randomUUID(),
                Locale.ENGLISH,
                "http://localhost:" + port));
    payments.payAndDeliver(start.orderId());
    return person;
  }
}

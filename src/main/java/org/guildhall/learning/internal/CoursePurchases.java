package org.guildhall.learning.internal;

import java.util.UUID;
import org.guildhall.commerce.CommerceEvents.OrderPaid;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Buying a course ({@code course/<id>}) enrols the buyer. Idempotent: the enrolment's key is the
 * learner and the course, so a redelivered event changes nothing. A refund does not touch the
 * enrolment or the progress: the access policy already closes the course again, and the learner's
 * history stays if they buy it back.
 */
@Component
class CoursePurchases {

  static final String COURSE = "course";

  private final LearningService learning;

  CoursePurchases(LearningService learning) {
    this.learning = learning;
  }

  @ApplicationModuleListener
  void on(OrderPaid paid) {
    if (!COURSE.equals(paid.item().kind())) {
      return;
    }
    UUID courseId;
    try {
      courseId = UUID.fromString(paid.item().key());
    } catch (IllegalArgumentException notACourseId) {
      return;
    }
    learning.enrolBuyer(paid.buyerId(), courseId, paid.paidAt());
  }
}

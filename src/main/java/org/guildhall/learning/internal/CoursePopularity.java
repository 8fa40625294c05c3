package org.guildhall.learning.internal;

import org.guildhall.content.ContentApi;
import org.guildhall.learning.LearningEvents.Enrolled;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Each enrolment adds to its course's popularity (the home page's "popular" list), after the
 * enrolment has committed — work that can wait, off the learner's request.
 */
@Component
class CoursePopularity {

  private final ContentApi content;

  CoursePopularity(ContentApi content) {
    this.content = content;
  }

  @ApplicationModuleListener
  void on(Enrolled enrolled) {
    content.countEnrolment(enrolled.courseId());
  }
}

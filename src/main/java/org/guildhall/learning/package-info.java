/**
 * Learning: enrolments in courses, progress and resume positions per lesson, completion
 * percentages, and completion certificates with a public verification page.
 *
 * <p>Whether a learner may open a lesson is the content module's decision ({@link
 * org.guildhall.content.ContentApi#mayOpen}, through the access policy and drip); learning records
 * nothing for a lesson the learner may not open. Content reads a learner's progress back through
 * the {@link org.guildhall.content.LearnerProgress} this module implements. Buying a course ({@code
 * OrderPaid} for an item {@code course/<id>}) enrols the buyer.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "platform", "identity", "commerce", "membership", "content"})
package org.guildhall.learning;

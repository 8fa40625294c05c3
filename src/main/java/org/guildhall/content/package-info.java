/**
 * Content: courses (sections and lessons), articles, columns, stand-alone audio and video, live
 * replays; categories and tags; the editorial workflow with scheduled publishing, drip and
 * revisions; uploaded media (local disk or an S3-compatible store, range requests, signed URLs for
 * paid media); full-text search in Chinese and English.
 *
 * <p>Every page, API answer, media file and search hit decides access through the membership
 * module's access policy ({@link org.guildhall.membership.MembershipApi#access}). Courses and
 * columns are sold through commerce's {@link org.guildhall.commerce.PurchasableCatalog}.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "platform", "identity", "commerce", "membership"})
package org.guildhall.content;

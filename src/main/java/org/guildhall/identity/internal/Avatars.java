package org.guildhall.identity.internal;

/** Where an avatar picture is served from. */
final class Avatars {

  private Avatars() {}

  /** The public URL of an avatar, or null when the member has none. */
  static String url(String avatarKey) {
    return avatarKey == null ? null : "/media/" + avatarKey;
  }
}

package org.guildhall.content;

/** Who may read an item: everyone, members of a tier or higher, or buyers (or included tiers). */
public enum ContentAccess {
  PUBLIC,
  MEMBERS,
  PURCHASE
}

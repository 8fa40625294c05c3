package org.guildhall.commerce;

/**
 * A new group-buy deal as the owner typed it: the item as {@code kind/key}, the group price in
 * yuan, the group size and the hours a group has to fill. {@code active} is null when unticked.
 */
public record GroupDealForm(
    String item, String groupPrice, String size, String hoursToFill, Boolean active) {

  public static GroupDealForm blank() {
    return new GroupDealForm("", "", "3", "48", true);
  }

  public boolean activeNow() {
    return Boolean.TRUE.equals(active);
  }
}

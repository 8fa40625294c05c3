package org.guildhall.commerce;

import java.util.UUID;
import org.guildhall.shared.Money;

/** A group-buy deal as the owner's list shows it, with how its groups went. */
public record GroupDealSummary(
    UUID id,
    ItemRef item,
    Money groupPrice,
    int size,
    int hoursToFill,
    boolean active,
    int openGroups,
    int completedGroups,
    int failedGroups) {}

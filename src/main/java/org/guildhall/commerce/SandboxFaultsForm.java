package org.guildhall.commerce;

/**
 * What the sandbox gateway does to its notifications, as the owner typed it: send each one {@code
 * copies} times (1–100), {@code delaySeconds} late (0–86400), in reverse order, or not at all. The
 * checkboxes are null when unticked.
 */
public record SandboxFaultsForm(
    String copies, String delaySeconds, Boolean reorder, Boolean drop) {}

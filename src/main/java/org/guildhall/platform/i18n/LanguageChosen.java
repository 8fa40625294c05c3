package org.guildhall.platform.i18n;

import java.util.UUID;

/** A signed-in member switched the interface language; identity stores it as their preference. */
public record LanguageChosen(UUID accountId, String language) {}

package org.guildhall.identity.web;

/** The profile form: links are one URL per line. */
public record ProfileForm(
    String displayName, String bio, String links, String timeZone, String language) {}

package org.guildhall.content;

/** A category as pages name and link it. */
public record CategoryView(String slug, String name) {}

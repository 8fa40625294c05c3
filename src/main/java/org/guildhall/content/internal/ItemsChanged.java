package org.guildhall.content.internal;

import java.util.UUID;

/**
 * Inside the content module: an item's card may look different or be gone (edited, archived,
 * reopened, a revision restored). Publication has its own public event, {@link
 * org.guildhall.content.ContentEvents.ItemPublished}.
 */
record ItemsChanged(UUID itemId) {}

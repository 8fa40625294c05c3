package org.guildhall.platform.web;

import java.util.Optional;
import java.util.UUID;

/** Finds the {@link Viewer} for a signed-in account id; implemented by the identity module. */
public interface ViewerLookup {

  Optional<Viewer> find(UUID accountId);

  /** Forget anything cached for this account (after a profile change, role change or ban). */
  void evict(UUID accountId);
}

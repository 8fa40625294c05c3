package org.guildhall.platform.jobs;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * Works through rows that have fallen due, for scheduled jobs: asks for the next batch of due ids
 * and hands each to a step that runs in its own transaction, until a batch comes back short or a
 * run has handled {@code maxBatches} batches (the next run goes on). A row changed by someone else
 * meanwhile (optimistic lock) is left for the next run, which sees it again if it is still due.
 */
public final class DueWork {

  private static final Logger log = LoggerFactory.getLogger(DueWork.class);

  private DueWork() {}

  /** Returns how many due rows were looked at. */
  public static int drain(
      String what,
      int batch,
      int maxBatches,
      Function<Limit, List<UUID>> due,
      Consumer<UUID> step) {
    int seen = 0;
    List<UUID> ids;
    do {
      ids = due.apply(Limit.of(batch));
      for (UUID id : ids) {
        try {
          step.accept(id);
        } catch (ObjectOptimisticLockingFailureException changedMeanwhile) {
          log.debug("{} {} changed while it was due; the next run looks again", what, id);
        }
      }
      seen += ids.size();
    } while (ids.size() == batch && seen < maxBatches * batch);
    return seen;
  }
}

package org.guildhall.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

class DueWorkTests {

  @Test
  void handlesEveryDueRowBatchByBatchUntilABatchComesBackShort() {
    Set<UUID> due = new LinkedHashSet<>(ids(7));
    List<Integer> asked = new ArrayList<>();

    int seen =
        DueWork.drain(
            "Row",
            3,
            50,
            limit -> {
              asked.add(limit.max());
              return due.stream().limit(limit.max()).toList();
            },
            due::remove);

    assertThat(seen).isEqualTo(7);
    assertThat(due).isEmpty();
    assertThat(asked).containsExactly(3, 3, 3);
  }

  @Test
  void aRowChangedMeanwhileIsLeftForTheNextRunAndTheOthersGoOn() {
    List<UUID> rows = ids(2);
    List<UUID> done = new ArrayList<>();

    int seen =
        DueWork.drain(
            "Row",
            10,
            50,
            limit -> done.isEmpty() ? rows : List.of(),
            id -> {
              if (id.equals(rows.get(0))) {
                throw new ObjectOptimisticLockingFailureException("Row", id);
              }
              done.add(id);
            });

    assertThat(seen).isEqualTo(2);
    assertThat(done).containsExactly(rows.get(1));
  }

  @Test
  void oneRunStopsAfterItsLastBatchAndLeavesTheRestForTheNext() {
    List<UUID> endless = ids(2);

    int seen = DueWork.drain("Row", 2, 4, limit -> endless, id -> {});

    assertThat(seen).isEqualTo(8);
  }

  private static List<UUID> ids(int n) {
    return IntStream.range(0, n).mapToObj(i -> UUID.randomUUID()).toList();
  }
}

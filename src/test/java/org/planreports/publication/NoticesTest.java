package org.planreports.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which correction notice a publication may carry and which it prints, one row per rule. */
class NoticesTest {

  private static final String REASON = "核定";
  private static final Map<String, byte[]> OLD = csv("12.0");
  private static final Map<String, byte[]> NEW = csv("12.5");

  private static Map<String, byte[]> csv(String value) {
    return Map.of(
        "a.csv",
        ("table,seq,indicator,value\n表1,1,研发," + value + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Editions on disk, each with its companion CSVs; those in {@code noticed} have a notice. */
  private record Disk(Map<Integer, Map<String, byte[]>> files, Set<Integer> noticed)
      implements Notices.Editions {
    @Override
    public boolean onDisk(int n) {
      return files.containsKey(n);
    }

    @Override
    public boolean hasNotice(int n) {
      return noticed.contains(n);
    }

    @Override
    public Map<String, byte[]> companions(int n) {
      return files.get(n);
    }
  }

  /**
   * name, latest edition, its reason, rerun, this run's CSVs, disk → baseline (edition, changes)
   * and fresh (edition, changes); -1: none.
   */
  static Stream<Arguments> notices() {
    Disk one = new Disk(Map.of(1, OLD), Set.of());
    Disk corrected = new Disk(Map.of(1, OLD, 2, NEW), Set.of(2));
    Disk correctedAlone = new Disk(Map.of(2, NEW), Set.of(2));
    Disk latestGone = new Disk(Map.of(1, OLD), Set.of());
    Disk allGone = new Disk(Map.of(), Set.of());
    return Stream.of(
        Arguments.of("first edition", 0, null, false, NEW, allGone, -1, 0, -1, 0),
        Arguments.of("run, same figures", 1, null, false, OLD, one, -1, 0, -1, 0),
        Arguments.of("rerun, one change", 1, null, true, NEW, one, -1, 0, 2, 1),
        Arguments.of("rerun, nothing changed", 1, null, true, OLD, one, -1, 0, 2, 0),
        Arguments.of("run after a correction", 2, REASON, false, NEW, corrected, 2, 1, -1, 0),
        Arguments.of("rerun after a correction", 2, REASON, true, NEW, corrected, 2, 1, 3, 0),
        Arguments.of(
            "correction, earlier edition gone",
            2,
            REASON,
            false,
            NEW,
            correctedAlone,
            -1,
            0,
            -1,
            0),
        Arguments.of("latest gone, it corrected", 2, REASON, false, NEW, latestGone, 2, 1, -1, 0),
        Arguments.of("latest gone, rerun", 2, REASON, true, NEW, latestGone, -1, 0, -1, 0),
        Arguments.of("latest gone, no reason", 2, " ", false, NEW, latestGone, -1, 0, -1, 0),
        Arguments.of("latest and earlier gone", 2, REASON, false, NEW, allGone, -1, 0, -1, 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notices")
  void shouldRebuildTheLatestNoticeAndDraftTheNextOne(
      String name,
      int latest,
      String latestReason,
      boolean rerun,
      Map<String, byte[]> now,
      Disk disk,
      int baseline,
      int baselineChanges,
      int fresh,
      int freshChanges) {
    Notices n = Notices.of(latest, latestReason, rerun, "新原因", now, disk);
    assertThat(n.baseline().map(CorrectionNotice::edition)).isEqualTo(edition(baseline));
    n.baseline()
        .ifPresent(
            b -> {
              assertThat(b.corrects()).isEqualTo(baseline - 1);
              assertThat(b.reason()).isEqualTo(REASON);
              assertThat(b.changes()).hasSize(baselineChanges);
            });
    assertThat(n.fresh().map(CorrectionNotice::edition)).isEqualTo(edition(fresh));
    n.fresh()
        .ifPresent(
            f -> {
              assertThat(f.corrects()).isEqualTo(fresh - 1);
              assertThat(f.reason()).isEqualTo("新原因");
              assertThat(f.changes()).hasSize(freshChanges);
            });
  }

  private static Optional<Integer> edition(int n) {
    return n < 0 ? Optional.empty() : Optional.of(n);
  }

  @Test
  void shouldPrintTheBaselineUnlessARerunChangedAFigure() throws Exception {
    CorrectionNotice base = new CorrectionNotice(2, 1, REASON, java.util.List.of());
    CorrectionNotice none = new CorrectionNotice(3, 2, "x", java.util.List.of());
    CorrectionNotice some = new CorrectionNotice(3, 2, "x", CorrectionNotice.compare(OLD, NEW));
    Notices.SameAsLatest never =
        () -> {
          throw new AssertionError("not asked");
        };
    assertThat(new Notices(Optional.of(base), Optional.empty()).printed(never)).contains(base);
    assertThat(Notices.NONE.printed(never)).isEmpty();
    assertThat(new Notices(Optional.of(base), Optional.of(some)).printed(never)).contains(some);
    assertThat(new Notices(Optional.of(base), Optional.of(none)).printed(() -> true))
        .contains(base);
    assertThat(new Notices(Optional.empty(), Optional.of(none)).printed(() -> true)).isEmpty();
    assertThat(new Notices(Optional.of(base), Optional.of(none)).printed(() -> false))
        .contains(none);
  }
}

package org.planreports.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.planreports.publication.Reconciliation.Adoption;
import org.planreports.publication.Reconciliation.Step;

/** The rules that make history and the output folder agree, one row each. */
class ReconciliationTest {

  /** A folder whose facts are given; a fact a rule should not need is {@code null} and fails. */
  private record Facts(Boolean onDisk, Boolean whole, Boolean sameContent)
      implements Reconciliation.Folder {
    @Override
    public boolean exists() {
      return asked(onDisk);
    }

    @Override
    public boolean complete() {
      return asked(whole);
    }

    @Override
    public boolean recordedContent() {
      return asked(sameContent);
    }

    private static boolean asked(Boolean fact) {
      if (fact == null) {
        throw new AssertionError("a fact the rule does not need was asked");
      }
      return fact;
    }
  }

  @ParameterizedTest(name = "{0} exists={1} complete={2} recorded={3} -> {4}")
  @CsvSource({
    "PENDING, , true, true, FINISH",
    "PENDING, , true, false, ROLL_BACK",
    "PENDING, , false, , ROLL_BACK",
    "PUBLISHED, true, , , KEEP",
    "PUBLISHED, false, , , MARK_MISSING",
    "MISSING, false, , , STILL_MISSING",
    "MISSING, true, true, true, FOUND",
    "MISSING, true, true, false, KEEP",
    "MISSING, true, false, , KEEP"
  })
  void shouldStepEachRecordedEdition(
      HistoryStatus status, Boolean exists, Boolean complete, Boolean recorded, Step step) {
    assertThat(Reconciliation.step(status, new Facts(exists, complete, recorded))).isEqualTo(step);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "KEEP, true, false",
    "FINISH, true, true",
    "ROLL_BACK, false, true",
    "FOUND, true, true",
    "MARK_MISSING, true, true",
    "STILL_MISSING, true, true"
  })
  void shouldKeepAndTellAsTheStepSays(Step step, boolean kept, boolean told) {
    assertThat(step.kept()).isEqualTo(kept);
    assertThat(step.say(Path.of("/out/1/2023-annual/edition-1")).isPresent()).isEqualTo(told);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "as its place says, 500119, 2023-annual, 2, false, true, ADOPT",
    "not as its manifest lists, 500119, 2023-annual, 2, false, false, INCONSISTENT",
    "known to history, 500119, 2023-annual, 2, true, , SKIP",
    "another region, 500120, 2023-annual, 2, false, , SKIP",
    "another publication, 500119, 2024-annual, 2, false, , SKIP",
    "another edition, 500119, 2023-annual, 3, false, , SKIP",
    "edition written 02, 500119, 2023-annual, 02, false, , SKIP",
    "no header, , , , false, , SKIP"
  })
  void shouldAdoptOnlyACompleteFolderItsManifestNames(
      String name,
      String region,
      String publication,
      String edition,
      boolean known,
      Boolean complete,
      Adoption adoption) {
    Map<String, String> header = new HashMap<>();
    if (region != null) {
      header.put("region", region);
      header.put("publication", publication);
      header.put("edition", edition);
    }
    OutputLayout.Place place = new OutputLayout.Place("500119", "2023-annual", 2);
    assertThat(Reconciliation.adoption(place, header, known, () -> Facts.asked(complete)))
        .isEqualTo(adoption);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "'', ",
    "abc, ",
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef, 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF, "
  })
  void shouldAdoptOnlyAFiguresDigestThatIsOne(String recorded, String adopted) {
    Map<String, String> header = recorded.isEmpty() ? Map.of() : Map.of("figures_digest", recorded);
    assertThat(Reconciliation.adoptedFigures(header)).isEqualTo(Optional.ofNullable(adopted));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"FINISH, 已完成上次中断的发布", "ROLL_BACK, 已撤销上次未完成的发布"})
  void shouldNameTheFolderInItsLine(Step step, String start) {
    Path folder = Path.of("/out/500119/2023-annual/edition-1");
    assertThat(step.say(folder))
        .hasValueSatisfying(l -> assertThat(l).startsWith(start).endsWith(folder.toString()));
  }

  @ParameterizedTest
  @CsvSource({"PENDING", "PUBLISHED", "MISSING"})
  void shouldReadTheStatusesStateDatabasesHold(String stored) {
    assertThat(HistoryStatus.valueOf(stored).name()).isEqualTo(stored);
  }
}

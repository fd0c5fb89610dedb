package org.planreports.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.planreports.publication.EditionStatus.CORRECTED;
import static org.planreports.publication.EditionStatus.FIRST;
import static org.planreports.publication.EditionStatus.REFUSED;
import static org.planreports.publication.EditionStatus.RESTORED;
import static org.planreports.publication.EditionStatus.UNCHANGED;
import static org.planreports.publication.EditionStatus.UNREBUILDABLE;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every branch of the publication policy, one row each. */
class PublishDecisionTest {

  private static final String REASON = "2023年数据经区统计局核定";

  /** Content digests (PDF and CSV bytes) and figures digests, as letters. */
  private static final String C1 = "content-1";

  private static final String C2 = "content-2";
  private static final String F1 = "figures-1";
  private static final String F2 = "figures-2";
  private static final String M1 = "manifest-1";
  private static final String M2 = "manifest-2";

  /** Latest edition 2 on disk, with figures digest F1 and content C1. */
  private static Optional<PublishDecision.Latest> onDisk(String figures) {
    return Optional.of(
        new PublishDecision.Latest(
            2, C1, Optional.ofNullable(figures), Optional.of(M1), null, false));
  }

  /** Latest edition 2 gone from disk; it corrected edition 1 for {@code reason}. */
  private static Optional<PublishDecision.Latest> gone(
      String figures, String manifest, String reason) {
    return Optional.of(
        new PublishDecision.Latest(
            2, C1, Optional.ofNullable(figures), Optional.ofNullable(manifest), reason, true));
  }

  static Stream<Arguments> decisions() {
    return Stream.of(
        // name, latest, missing, content, figures, rerun, rebuilt manifest → status, edition,
        // reason, lost
        row("first edition", Optional.empty(), List.of(), C1, F1, false, FIRST, 1, null, List.of()),
        row(
            "first edition by rerun keeps reason",
            Optional.empty(),
            List.of(),
            C1,
            F1,
            true,
            FIRST,
            1,
            REASON,
            List.of()),
        row(
            "same figures, other bytes",
            onDisk(F1),
            List.of(),
            C2,
            F1,
            false,
            UNCHANGED,
            2,
            null,
            List.of()),
        row(
            "other figures refused",
            onDisk(F1),
            List.of(),
            C1,
            F2,
            false,
            REFUSED,
            2,
            null,
            List.of()),
        row(
            "other figures by rerun: next edition",
            onDisk(F1),
            List.of(),
            C1,
            F2,
            true,
            CORRECTED,
            3,
            REASON,
            List.of()),
        row(
            "same figures by rerun: unchanged",
            onDisk(F1),
            List.of(),
            C2,
            F1,
            true,
            UNCHANGED,
            2,
            null,
            List.of()),
        row(
            "no recorded figures: same bytes",
            onDisk(null),
            List.of(),
            C1,
            F2,
            false,
            UNCHANGED,
            2,
            null,
            List.of()),
        row(
            "no recorded figures: other bytes",
            onDisk(null),
            List.of(),
            C2,
            F1,
            false,
            REFUSED,
            2,
            null,
            List.of()),
        row(
            "no figures now: compared by bytes",
            onDisk(F1),
            List.of(),
            C1,
            null,
            false,
            UNCHANGED,
            2,
            null,
            List.of()),
        row(
            "earlier edition gone, not rebuilt",
            onDisk(F1),
            List.of(1),
            C1,
            F1,
            false,
            UNCHANGED,
            2,
            null,
            List.of(1)),
        row(
            "earlier edition gone, rerun goes on",
            onDisk(F1),
            List.of(1),
            C1,
            F2,
            true,
            CORRECTED,
            3,
            REASON,
            List.of()),
        row(
            "latest gone, same bytes: rebuilt",
            gone(F1, M1, null),
            List.of(2),
            C1,
            F1,
            false,
            RESTORED,
            2,
            null,
            List.of()),
        row(
            "latest gone, rebuilt with its reason",
            gone(F1, M1, REASON),
            List.of(2),
            C1,
            F1,
            false,
            RESTORED,
            2,
            REASON,
            List.of()),
        row(
            "latest gone, blank reason is none",
            gone(F1, M1, " "),
            List.of(2),
            C1,
            F1,
            false,
            RESTORED,
            2,
            null,
            List.of()),
        row(
            "latest gone, no manifest recorded",
            gone(F1, null, null),
            List.of(2),
            C1,
            F1,
            false,
            RESTORED,
            2,
            null,
            List.of()),
        row(
            "latest gone, no figures recorded",
            gone(null, M1, null),
            List.of(2),
            C1,
            F2,
            false,
            RESTORED,
            2,
            null,
            List.of()),
        row(
            "latest gone, other bytes",
            gone(F1, M1, null),
            List.of(2),
            C2,
            F1,
            false,
            UNREBUILDABLE,
            2,
            null,
            List.of(2)),
        row(
            "latest gone, other figures",
            gone(F1, M1, null),
            List.of(2),
            C1,
            F2,
            false,
            UNREBUILDABLE,
            2,
            null,
            List.of(2)),
        row(
            "latest gone, other manifest",
            gone(F1, M2, null),
            List.of(2),
            C1,
            F1,
            false,
            UNREBUILDABLE,
            2,
            null,
            List.of(2)),
        row(
            "latest gone, rerun publishes next",
            gone(F1, M1, null),
            List.of(2),
            C2,
            F2,
            true,
            CORRECTED,
            3,
            REASON,
            List.of()),
        row(
            "latest and earlier gone: earlier lost too",
            gone(F1, M1, null),
            List.of(1, 2),
            C1,
            F1,
            false,
            RESTORED,
            2,
            null,
            List.of(1)),
        row(
            "latest and earlier gone, other bytes",
            gone(F1, M1, null),
            List.of(1, 2),
            C2,
            F1,
            false,
            UNREBUILDABLE,
            2,
            null,
            List.of(2, 1)),
        row(
            "latest and earlier gone, rerun",
            gone(F1, M1, null),
            List.of(1, 2),
            C1,
            F1,
            true,
            RESTORED,
            2,
            null,
            List.of()));
  }

  private static Arguments row(
      String name,
      Optional<PublishDecision.Latest> latest,
      List<Integer> missing,
      String content,
      String figures,
      boolean rerun,
      EditionStatus status,
      int edition,
      String reason,
      List<Integer> lost) {
    return Arguments.of(
        name, latest, missing, content, figures, rerun, status, edition, reason, lost);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decisions")
  void shouldDecideWhatBecomesOfAPublication(
      String name,
      Optional<PublishDecision.Latest> latest,
      List<Integer> missing,
      String content,
      String figures,
      boolean rerun,
      EditionStatus status,
      int edition,
      String reason,
      List<Integer> lost)
      throws Exception {
    PublishDecision d =
        PublishDecision.decide(
            latest,
            missing,
            new PublishDecision.Rendered(content, figures),
            rerun,
            rerun ? REASON : null,
            () -> M1);
    assertThat(d).isEqualTo(new PublishDecision(status, edition, reason, lost));
  }

  @Test
  void shouldBuildTheRebuiltManifestOnlyWhenTheEditionCouldBeRebuilt() throws Exception {
    PublishDecision.RestoredManifest never =
        () -> {
          throw new AssertionError("not asked");
        };
    assertThat(
            PublishDecision.decide(
                    gone(F1, M1, null),
                    List.of(2),
                    new PublishDecision.Rendered(C2, F1),
                    false,
                    null,
                    never)
                .status())
        .isEqualTo(UNREBUILDABLE);
    assertThat(
            PublishDecision.decide(
                    onDisk(F1), List.of(), new PublishDecision.Rendered(C1, F1), false, null, never)
                .status())
        .isEqualTo(UNCHANGED);
  }

  static Stream<Arguments> verdicts() {
    PublishDecision first = new PublishDecision(FIRST, 1, null, List.of());
    PublishDecision same = new PublishDecision(UNCHANGED, 2, null, List.of());
    PublishDecision refused = new PublishDecision(REFUSED, 2, null, List.of());
    PublishDecision lost = new PublishDecision(UNREBUILDABLE, 2, null, List.of(2));
    PublishDecision restoredButLost = new PublishDecision(RESTORED, 2, null, List.of(1));
    return Stream.of(
        Arguments.of(List.of(), PublishDecision.Verdict.PUBLISH),
        Arguments.of(List.of(first, same), PublishDecision.Verdict.PUBLISH),
        Arguments.of(List.of(first, refused, same), PublishDecision.Verdict.REFUSED),
        Arguments.of(List.of(refused, lost), PublishDecision.Verdict.UNREBUILDABLE),
        Arguments.of(List.of(first, restoredButLost), PublishDecision.Verdict.UNREBUILDABLE));
  }

  @ParameterizedTest
  @MethodSource("verdicts")
  void shouldCheckEveryPublicationBeforeAnythingMoves(
      List<PublishDecision> decisions, PublishDecision.Verdict verdict) {
    assertThat(PublishDecision.verdict(decisions)).isEqualTo(verdict);
  }

  @Test
  void shouldWriteAFolderOnlyForFirstCorrectedAndRestoredEditions() {
    assertThat(Stream.of(EditionStatus.values()).filter(EditionStatus::publishes))
        .containsExactly(FIRST, CORRECTED, RESTORED);
  }
}

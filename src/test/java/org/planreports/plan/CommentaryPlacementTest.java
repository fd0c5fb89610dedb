package org.planreports.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Where a plan bundle puts the office's commentary, and what check-plan says of a bad setting. */
class CommentaryPlacementTest {

  @TempDir Path dir;

  private Path bundle(String extra) throws IOException {
    for (String name :
        List.of("items.csv", "indicators.csv", "catalogue.csv", "tables.csv", "plan.properties")) {
      Files.copy(Path.of("reports/plan", name), dir.resolve(name));
    }
    Path props = dir.resolve("plan.properties");
    Files.writeString(
        props, Files.readString(props, StandardCharsets.UTF_8) + extra, StandardCharsets.UTF_8);
    return props;
  }

  @Test
  void theBundledPlanUsesTheDefault() {
    CommentaryPlacement p = PlanLoader.loadDefault().commentary();
    assertThat(p).isEqualTo(CommentaryPlacement.DEFAULT);
    assertThat(p.beforeSummary()).containsExactly("前言");
    assertThat(p.afterTables()).containsExactly("主要成效", "存在问题", "下一步工作");
  }

  static Stream<Arguments> settings() {
    return Stream.of(
        Arguments.of(
            "commentary.before-summary=前言、编者按\n",
            List.of("前言", "编者按"),
            List.of("主要成效", "存在问题", "下一步工作")),
        Arguments.of(
            "commentary.after-tables=主要成效, 问题与挑战，下一步工作\n",
            List.of("前言"),
            List.of("主要成效", "问题与挑战", "下一步工作")),
        Arguments.of(
            "commentary.before-summary=\ncommentary.after-tables=结语\n", List.of(), List.of("结语")));
  }

  @ParameterizedTest
  @MethodSource("settings")
  void aBundleMaySetEitherList(String extra, List<String> before, List<String> after)
      throws IOException {
    CommentaryPlacement p = PlanLoader.load(bundle(extra)).commentary();
    assertThat(p.beforeSummary()).containsExactlyElementsOf(before);
    assertThat(p.afterTables()).containsExactlyElementsOf(after);
  }

  @Test
  void aHeadingInBothListsIsAProblemWithItsLine() throws IOException {
    Path props = bundle("commentary.after-tables=主要成效、前言\n");
    long line = Files.readAllLines(props, StandardCharsets.UTF_8).size();
    assertThatThrownBy(() -> PlanLoader.load(props))
        .isInstanceOfSatisfying(
            PlanBundleException.class,
            e ->
                assertThat(e.problems())
                    .anySatisfy(
                        pr -> {
                          assertThat(pr.file()).isEqualTo("plan.properties");
                          assertThat(pr.line()).isEqualTo(line);
                          assertThat(pr.column()).isEqualTo("commentary.after-tables");
                          assertThat(pr.text()).isEqualTo("前言");
                        }));
  }

  @Test
  void slotsAndOrder() {
    CommentaryPlacement p = CommentaryPlacement.DEFAULT;
    assertThat(p.slot("前言")).isEqualTo(CommentaryPlacement.Slot.BEFORE_SUMMARY);
    assertThat(p.slot("存在问题")).isEqualTo(CommentaryPlacement.Slot.AFTER_TABLES);
    assertThat(p.slot("专题分析")).isEqualTo(CommentaryPlacement.Slot.OTHER);
    assertThat(p.order("下一步工作")).isEqualTo(2);
  }
}

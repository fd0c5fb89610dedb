package org.planreports.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.planreports.plan.PlanLoader;
import org.planreports.plan.PublicationKey;

/**
 * A table gathered from the plan's text whose every baseline the text prints ("5075家", "约3.5亿元")
 * follows methodology-zh.md §五 (表中的基期列) like a plan table: its column is the plan's {base}年现状值 and
 * the note says where those values are; a text table without printed baselines keeps 基期值.
 */
class TextBaseColumnTest {

  @Test
  void shouldHeadTheTextsOwnBaselinesAsItsCurrentValues() {
    Path dir = Path.of("src/test/resources/fixtures/plans/zone-news");
    PublicationFixtures f =
        PublicationFixtures.read(
            dir.resolve("extracts"), PlanLoader.load(dir.resolve("plan.properties")));
    int base = f.plan.meta().baseYear();
    List<PublicationKey> keys = PublicationPlanner.supported(f.plan, f.data);
    assertThat(keys).isNotEmpty();
    for (PublicationKey key : keys) {
      Section first =
          f.builder.compose(key).sections().stream()
              .filter(s -> s.template().equals("assessment-table"))
              .findFirst()
              .orElseThrow();
      assertThat(first.params().get("H_BASE").toString().replace("\n", ""))
          .as(key.stem())
          .isEqualTo(base + "年现状值");
      assertThat(first.params().get("NOTES").toString())
          .as(key.stem())
          .contains(base + "年现状值为规划正文所列");
      assertThat(first.rows()).as(key.stem()).isNotEmpty();
      for (java.util.Map<String, Object> row : first.rows()) {
        assertThat(row.get("base_i") + "" + row.get("base_f")).doesNotContain("（");
      }
    }
  }
}

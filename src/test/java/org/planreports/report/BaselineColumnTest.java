package org.planreports.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.planreports.plan.CatalogueRow;
import org.planreports.plan.Kind;
import org.planreports.plan.PublicationKey;

/**
 * The base column of every assessment table says what it holds (METRICS.md, ruling of 2026-12-05),
 * in every publication of 南川 and of every fixture plan: under a heading that claims the plan's 现状值
 * only what the plan printed ("—" where it printed none); a GROWTH row's base is a level with its
 * series' unit, never a bare figure read as the rate's %; a note says a column is 照录 the plan's 现状值
 * only when the heading is the plan's.
 */
class BaselineColumnTest {

  static Stream<Arguments> publications() throws Exception {
    return PageScanTest.publications();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("publications")
  void shouldPrintUnderEachBaseHeadingOnlyWhatItClaims(
      String name, PublicationFixtures f, PublicationKey key) {
    PublicationContent content = f.builder.compose(key);
    int base = f.plan.meta().baseYear();
    int tables = 0;
    for (Section s : content.sections()) {
      if (!s.template().equals("assessment-table")) {
        continue;
      }
      tables++;
      String heading = (String) s.params().get("H_BASE");
      boolean planHeading = heading.contains("现状值");
      String notes = (String) s.params().get("NOTES");
      if (notes.contains(base + "年现状值") && !notes.contains("规划列有" + base + "年现状值")) {
        assertThat(planHeading)
            .as("%s: a note says 照录 %d年现状值 over %s", name, base, heading)
            .isTrue();
      }
      for (Map<String, Object> row : s.rows()) {
        String printed =
            row.get("base_w") != null
                ? (String) row.get("base_w")
                : row.get("base_i") + "" + row.get("base_f");
        List<CatalogueRow> rows =
            f.plan.rows().stream()
                .filter(r -> r.kind() != null && r.printedName().equals(row.get("name")))
                .toList();
        assertThat(rows).as("%s row %s", name, row.get("name")).isNotEmpty();
        CatalogueRow r = rows.get(0);
        String planned =
            r.baselinePrinted() == null || r.baselinePrinted().isBlank()
                ? "—"
                : r.baselinePrinted();
        if (planHeading) {
          assertThat(printed)
              .as("%s: %s under %s", name, r.printedName(), heading.replace("\n", ""))
              .isEqualTo(planned);
        }
        if (r.kind() == Kind.GROWTH && !printed.equals("—")) {
          assertThat(printed)
              .as("%s: the base of the growth row %s", name, r.printedName())
              .contains(r.indicator().unit());
        }
      }
    }
    // The companion CSVs mean what the table prints: a GROWTH row's base with its series' unit.
    for (byte[] bytes : content.companions().values()) {
      String csv = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "");
      if (!csv.startsWith("table,seq,indicator,unit,attribute,baseline_year,baseline")) {
        continue;
      }
      try (org.apache.commons.csv.CSVParser p =
          org.apache.commons.csv.CSVFormat.DEFAULT
              .builder()
              .setHeader()
              .build()
              .parse(new java.io.StringReader(csv))) {
        for (org.apache.commons.csv.CSVRecord rec : p) {
          for (CatalogueRow r : f.plan.rows()) {
            if (r.kind() == Kind.GROWTH
                && Draft.stripUnit(r.printedName()).equals(rec.get("indicator"))
                && !rec.get("baseline").isEmpty()) {
              assertThat(rec.get("baseline"))
                  .as("%s: CSV baseline of %s", name, r.printedName())
                  .endsWith(r.indicator().unit());
            }
          }
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    if (key.type().isEvaluation() || !key.type().isBulletin()) {
      assertThat(tables).as(name).isPositive();
    }
  }
}

package org.planreports.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planreports.core.Finding;
import org.planreports.ingest.ExtractParser;
import org.planreports.ingest.RawRow;
import org.planreports.plan.Plan;
import org.planreports.plan.PlanLoader;
import org.planreports.plan.PublicationKey;
import org.planreports.plan.PublicationType;
import org.planreports.validation.RowRules;

/**
 * An item without a unit (区域科技创新指数, as real plans have): the bundle loads, the extract's unit cell
 * may be empty or the column absent, and the publications print it without an empty "（）" or a bare
 * "单位：".
 */
@Tag("pdf")
class UnitlessItemPublicationTest {

  @TempDir Path dir;

  private Plan bundleWithAnIndex() throws IOException {
    Path from = Path.of("src/test/resources/fixtures/plans/scheme-2027");
    Files.createDirectories(dir.resolve("extracts"));
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        Files.copy(p, dir.resolve(from.relativize(p).toString()));
      }
    }
    append("items.csv", "INNOV_INDEX,区域科技创新指数,,amount\n");
    append("indicators.csv", "INNOV_INDEX,区域科技创新指数,,1,INNOV_INDEX,,0,\n");
    append("tables.csv", "指数,区域科技创新指数,创新指数,text,no,no,index.csv,annual midterm final,\n");
    append("catalogue.csv", "指数,1,INNOV_INDEX,区域科技创新指数,LEVEL,预期性,,,2027,75以上,≥,75,,1,20,\n");
    append("extracts/beian-2022.csv", "500999,2022,INNOV_INDEX,61.5,,县统计局,正式,\n");
    Files.writeString(
        dir.resolve("extracts/index-2025.csv"),
        "region_code,year,item_code,value,source\n500999,2025,INNOV_INDEX,68.2,县统计局\n",
        StandardCharsets.UTF_8);
    return PlanLoader.load(dir.resolve("plan.properties"));
  }

  private void append(String file, String text) throws IOException {
    Path p = dir.resolve(file);
    String old = Files.readString(p, StandardCharsets.UTF_8);
    Files.writeString(p, (old.endsWith("\n") ? old : old + "\n") + text, StandardCharsets.UTF_8);
  }

  @Test
  void shouldLoadValidateAndPrintAnItemWithoutAUnit() throws IOException {
    Plan plan = bundleWithAnIndex();
    assertThat(plan.items().get("INNOV_INDEX").unit()).isEmpty();

    RowRules rules = new RowRules(plan);
    for (String file : new String[] {"beian-2022.csv", "index-2025.csv"}) {
      for (RawRow row :
          ExtractParser.parse(
              file, Files.readAllBytes(dir.resolve("extracts").resolve(file)), null)) {
        assertThat(rules.check(row).findings()).as(file).noneMatch(Finding::isError);
      }
    }

    PublicationFixtures f = PublicationFixtures.read(dir.resolve("extracts"), plan);
    PublicationContent content =
        f.builder.compose(
            new PublicationKey(plan.meta().regionCode(), 2025, PublicationType.MIDTERM));
    assertThat(content.sections())
        .allSatisfy(
            s ->
                assertThat(String.valueOf(s.params().getOrDefault("UNIT", "")))
                    .isNotEqualTo("单位："));
    String text;
    try (PDDocument doc = Loader.loadPDF(new PublicationRenderer().render(content))) {
      text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
    }
    assertThat(text).contains("区域科技创新指数", "68.2").doesNotContain("（）", "()", "null");
  }
}

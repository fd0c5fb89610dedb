package org.planreports.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.planreports.ingest.EncodingDetector;
import org.planreports.plan.Plan;
import org.planreports.plan.PlanLoader;

/** Encoding without help from the operator, and the --encoding override (DATA-CONTRACT.md). */
class EncodingTest {

  private static final Plan PLAN = PlanLoader.loadDefault();

  @Test
  void shouldReadGb18030WithoutBeingTold() {
    byte[] bytes = Corpus.bytes(Corpus.GOOD.resolve("gb18030.csv"));
    assertThat(EncodingDetector.decode(bytes, null))
        .hasValueSatisfying(d -> assertThat(d.charset()).isEqualTo(EncodingDetector.GB18030));
  }

  @Test
  void shouldReadUtf8WithAndWithoutBom() {
    assertThat(EncodingDetector.decode(Corpus.bytes(Corpus.GOOD.resolve("bom.csv")), null))
        .hasValueSatisfying(
            d -> {
              assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
              assertThat(d.bom()).isTrue();
              assertThat(d.text()).startsWith("region_code");
            });
    assertThat(EncodingDetector.decode(Corpus.bytes(Corpus.GOOD.resolve("plain.csv")), null))
        .hasValueSatisfying(d -> assertThat(d.bom()).isFalse());
  }

  @Test
  void shouldReadAFileInTheEncodingTheOperatorNames() {
    Corpus.Checked checked =
        Corpus.check(PLAN, Corpus.GOOD.resolve("gb18030.csv"), Charset.forName("GB18030"));
    assertThat(checked.errors()).isEmpty();
    assertThat(checked.values()).hasSize(42);
  }

  @Test
  void shouldRejectAFileThatIsNotInTheEncodingTheOperatorNames() {
    Corpus.Checked checked =
        Corpus.check(PLAN, Corpus.GOOD.resolve("gb18030.csv"), StandardCharsets.UTF_8);
    assertThat(checked.errors())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("E_ENCODING");
              assertThat(f.line()).isEqualTo(2);
              assertThat(f.message()).contains("无法按UTF-8解码");
              assertThat(f.expected()).isEqualTo("UTF-8编码的文本");
            });
  }
}

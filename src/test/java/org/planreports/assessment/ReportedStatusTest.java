package org.planreports.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.planreports.plan.ReportedStatus;

class ReportedStatusTest {

  @ParameterizedTest(name = "\"{0}\" → {1} ({2})")
  @CsvSource({"已完成, DONE, 2", "推进中, IN_PROGRESS, 1", "未启动, NOT_STARTED, 0", "' 已完成 ', DONE, 2"})
  void shouldReadTheWordAndGiveItsCode(String text, ReportedStatus status, int code) {
    assertThat(ReportedStatus.fromLabel(text)).contains(status);
    assertThat(status.code()).isEqualByComparingTo(BigDecimal.valueOf(code));
    assertThat(ReportedStatus.fromCode(new BigDecimal(code + ".0"))).isEqualTo(status);
    assertThat(status.label()).isEqualTo(text.strip());
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "完成", "已完成。", "进行中", "2", "DONE"})
  void shouldNotReadAnyOtherWord(String text) {
    assertThat(ReportedStatus.fromLabel(text)).isEmpty();
  }

  @Test
  void shouldNotReadNull() {
    assertThat(ReportedStatus.fromLabel(null)).isEmpty();
  }

  @ParameterizedTest(name = "code {0}")
  @ValueSource(strings = {"3", "-1", "1.5"})
  void shouldRefuseAnUnknownCodeInChinese(String code) {
    assertThatThrownBy(() -> ReportedStatus.fromCode(new BigDecimal(code)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("未启动");
  }
}

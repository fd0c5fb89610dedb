package org.planreports.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.planreports.plan.Attribute;

class AttributeAndStatusTest {

  @ParameterizedTest(name = "\"{0}\" → {1}")
  @CsvSource({
    "预期性, EXPECTED",
    " 预期性 , EXPECTED",
    "EXPECTED, EXPECTED",
    "expected, EXPECTED",
    "约束性, BINDING",
    "BINDING, BINDING"
  })
  void shouldReadAttributeFromThePlansLabel(String text, Attribute expected) {
    assertThat(Attribute.fromLabel(text)).isEqualTo(expected);
  }

  @Test
  void shouldRefuseUnknownAttribute() {
    assertThatThrownBy(() -> Attribute.fromLabel("指导性"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Attribute.fromLabel(null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0}: {1} {2} met={3}")
  @CsvSource({
    "COMPLETED, 已完成, #63BE7B, true",
    "ON_SCHEDULE, 达到时序进度, #C6EFCE, false",
    "NEARLY_ON_SCHEDULE, 基本达到时序进度, #FFEB84, false",
    "BEHIND_SCHEDULE, 滞后于时序进度, #F4B183, false",
    "FAR_BEHIND_SCHEDULE, 明显滞后, #F8696B, false",
    "REVERSED, 逆向变化, #F8696B, false",
    "IN_PROGRESS, 推进中, #DDEBF7, false",
    "NOT_STARTED, 未启动, #F8CBAD, false",
    "ACHIEVED, 完成, #63BE7B, true",
    "NEARLY_ACHIEVED, 基本完成, #FFEB84, false",
    "NOT_ACHIEVED, 未完成, #F8696B, false",
    "INSUFFICIENT_DATA, 数据不足, #D9D9D9, false"
  })
  void shouldLabelAndColourEveryStatus(Status status, String label, String colour, boolean met) {
    assertThat(status.label()).isEqualTo(label);
    assertThat(status.colour()).isEqualTo(colour);
    assertThat(status.isMet()).isEqualTo(met);
    assertThat(Status.fromLabel(label)).isEqualTo(status);
  }

  @ParameterizedTest
  @EnumSource(
      value = Status.class,
      names = {"IN_PROGRESS", "NOT_STARTED"})
  void shouldKeepTheReportedStatusesOutOfTheFinalClassesAndTheLaggingOnes(Status status) {
    assertThat(status.isFinalClass()).isFalse();
    assertThat(status.isLagging()).isFalse();
    assertThat(status.isMet()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Status.class)
  void shouldGiveEveryStatusAHexColour(Status status) {
    assertThat(status.colour()).matches("#[0-9A-F]{6}");
  }

  @Test
  void shouldCountOnlyLaggingStatusesAsLagging() {
    assertThat(Arrays.stream(Status.values()).filter(Status::isLagging))
        .containsExactlyInAnyOrderElementsOf(
            EnumSet.of(Status.BEHIND_SCHEDULE, Status.FAR_BEHIND_SCHEDULE, Status.REVERSED));
  }
}

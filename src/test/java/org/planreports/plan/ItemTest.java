package org.planreports.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ItemTest {

  @Test
  void shouldBuildAStatusItemThatHoldsTheWordsCodes() {
    Item item = Item.ofRange("QUAL_DEMO", "定性目标进展", "—", "status");

    assertThat(item.statusWord()).isTrue();
    assertThat(item.wholeNumber()).isTrue();
    assertThat(item.inRange(BigDecimal.ZERO)).isTrue();
    assertThat(item.inRange(BigDecimal.valueOf(2))).isTrue();
    assertThat(item.inRange(BigDecimal.valueOf(3))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"count", "amount", "share", "year", "signed"})
  void shouldKeepNumericRangeClassesNumeric(String range) {
    assertThat(Item.ofRange("X", "x", "个", range).statusWord()).isFalse();
  }

  @Test
  void shouldKeepTheSixComponentConstructorNumeric() {
    assertThat(new Item("X", "x", "个", null, null, false).statusWord()).isFalse();
  }
}

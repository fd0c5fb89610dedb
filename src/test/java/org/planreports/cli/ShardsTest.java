package org.planreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --shard i/n} splits the districts so that each belongs to exactly one shard. */
class ShardsTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"", "1", "1/0", "2/2", "-1/3", "a/b", "1/2/3", "0/99999"})
  void shouldRefuseWhatIsNotAShard(String text) {
    assertThat(Shards.parse(text)).isEmpty();
  }

  @ParameterizedTest(name = "{0} → {1} of {2}")
  @CsvSource({"0/1, 0, 1", "0/4, 0, 4", "3/4, 3, 4", " 2/3 , 2, 3"})
  void shouldReadAShard(String text, int i, int n) {
    assertThat(Shards.parse(text)).hasValueSatisfying(s -> assertThat(s).containsExactly(i, n));
  }

  @Test
  void shouldGiveEveryDistrictToExactlyOneShardByRegionCodeWhateverTheOrderGiven() {
    List<String> regions = List.of("500120", "500101", "500119", "500102", "500110");
    List<Integer> seen = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      seen.addAll(Shards.select(regions, Shards.parse(i + "/3")));
    }
    assertThat(seen).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
    // By code: 500101 500102 500110 500119 500120 → shard 0 has the 1st and 4th.
    assertThat(Shards.select(regions, Shards.parse("0/3"))).containsExactly(1, 2);
    assertThat(Shards.select(regions, Optional.empty())).containsExactly(0, 1, 2, 3, 4);
  }
}

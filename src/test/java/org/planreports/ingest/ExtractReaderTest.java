package org.planreports.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class ExtractReaderTest {

  private static final InputSet INPUT = InputSet.scan(Path.of("input"));

  private static List<RawRow> readAll(ExtractReader reader) {
    List<RawRow> rows = new ArrayList<>();
    for (RawRow r = reader.read(); r != null; r = reader.read()) {
      rows.add(r);
    }
    return rows;
  }

  @Test
  void shouldResumeAtTheSavedPosition() {
    ExtractReader first = new ExtractReader(INPUT, null);
    first.open(new ExecutionContext());
    List<RawRow> all = readAll(first);

    ExtractReader killed = new ExtractReader(INPUT, null);
    killed.open(new ExecutionContext());
    for (int i = 0; i < 17; i++) {
      killed.read();
    }
    ExecutionContext saved = new ExecutionContext();
    killed.update(saved);
    assertThat(ExtractReader.isResuming(saved)).isTrue();

    ExtractReader resumed = new ExtractReader(INPUT, null);
    resumed.open(saved);
    List<RawRow> rest = readAll(resumed);

    assertThat(rest).isEqualTo(all.subList(17, all.size()));
  }

  @Test
  void shouldNotBeResumingOnAFreshStart() {
    assertThat(ExtractReader.isResuming(new ExecutionContext())).isFalse();
  }
}

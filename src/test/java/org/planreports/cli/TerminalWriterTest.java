package org.planreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Text from bundles and extracts reaches the terminal with its control characters escaped. */
class TerminalWriterTest {

  @TempDir Path tmp;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'\u001b[2J\u001b]0;pwned\u0007'|'\\x1B[2J\\x1B]0;pwned\\x07'",
        "'南川区\r伪造'|'南川区\\x0D伪造'",
        "'abc\u202Efdp.exe'|'abc\\u202Efdp.exe'",
        "'\u2066x\u2069\u200f'|'\\u2066x\\u2069\\u200F'",
        "'c1\u009b31m del\u007f'|'c1\\x9B31m del\\x7F'",
        "'一行\t二列'|'一行\t二列'"
      })
  void shouldEscapeControlCharactersButKeepTextAndTabs(String raw, String shown) {
    StringWriter sink = new StringWriter();
    PrintWriter out = new PrintWriter(new TerminalWriter(sink), true);

    out.println(raw);
    out.print("尾\r");
    out.flush();

    assertThat(sink.toString()).isEqualTo(shown + System.lineSeparator() + "尾\\x0D");
    assertThat(TerminalWriter.escape(raw)).isEqualTo(shown);
  }

  @Test
  void shouldEscapeWhatAPlanBundlePutsOnTheTerminal() throws Exception {
    Path plan = Files.createDirectories(tmp.resolve("plan"));
    try (Stream<Path> files = Files.list(Path.of("reports/plan"))) {
      for (Path f : files.toList()) {
        Files.copy(f, plan.resolve(f.getFileName().toString()));
      }
    }
    Path props = plan.resolve("plan.properties");
    Files.writeString(
        props,
        Files.readString(props, StandardCharsets.UTF_8)
            .replace("region.name=南川区", "region.name=南川区\\u001b[31m\\u0007\\r\\u202Eevil\\u009b")
            .replace("plan.title=", "plan.title=\\u001b]0;title\\u0007"),
        StandardCharsets.UTF_8);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream was = System.out;
    PrintStream wasErr = System.err;
    int exit;
    try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      System.setErr(capture);
      exit = Main.run(new String[] {"check-plan", "--plan", props.toString()});
    } finally {
      System.setOut(was);
      System.setErr(wasErr);
    }
    String shown = bytes.toString(StandardCharsets.UTF_8);

    assertThat(shown).as("exit " + exit).contains("南川区\\x1B[31m\\x07\\x0D\\u202Eevil\\x9B");
    assertThat(shown.chars().filter(c -> c != '\n' && TerminalWriter.unsafe((char) c)))
        .as(shown)
        .isEmpty();
  }
}

package org.planreports.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What the terminal is, as decided in the operator's JVM and passed to the second. */
class TerminalTest {

  private static Properties props(Map<String, String> values) {
    Properties p = new Properties();
    p.putAll(values);
    return p;
  }

  @Test
  void shouldBeInteractiveOnlyWithAConsoleOrWhenTold() {
    assertThat(Terminal.interactive(props(Map.of()), null)).isFalse();
    assertThat(Terminal.interactive(props(Map.of(Terminal.TERMINAL, "true")), null)).isTrue();
    assertThat(Terminal.interactive(props(Map.of(Terminal.TERMINAL, " false ")), null)).isFalse();
    assertThat(Terminal.interactive(props(Map.of(Terminal.TERMINAL, "")), null)).isFalse();
  }

  @Test
  void shouldWriteInTheEncodingPassedDownElseTheStandardOutputsElseUtf8() {
    Charset gbk = Charset.forName("GBK");
    record Case(Map<String, String> props, Charset expected) {}
    for (Case c :
        new Case[] {
          new Case(Map.of(), StandardCharsets.UTF_8),
          new Case(Map.of(Terminal.ENCODING, "GBK", "stdout.encoding", "UTF-8"), gbk),
          new Case(Map.of("stdout.encoding", "GBK", "native.encoding", "UTF-8"), gbk),
          new Case(Map.of("sun.stdout.encoding", "GBK"), gbk),
          new Case(Map.of("native.encoding", "GB18030"), Charset.forName("GB18030")),
          // An encoding that cannot write Chinese (LANG=C) or is unknown: no decision, UTF-8.
          new Case(Map.of("stdout.encoding", "ANSI_X3.4-1968"), StandardCharsets.UTF_8),
          new Case(Map.of("native.encoding", "ISO-8859-1"), StandardCharsets.UTF_8),
          new Case(Map.of(Terminal.ENCODING, "no-such-charset"), StandardCharsets.UTF_8),
        }) {
      assertThat(Terminal.charset(props(c.props()), null))
          .as(c.props().toString())
          .isEqualTo(c.expected());
    }
  }

  @Test
  void shouldPassTheDecisionToTheSecondJvm() {
    assertThat(Terminal.passDown())
        .containsExactly(
            "-D" + Terminal.TERMINAL + "=" + Terminal.interactive(),
            "-D" + Terminal.ENCODING + "=" + Terminal.charset().name());
  }
}

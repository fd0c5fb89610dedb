package org.planreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Terminal text in the console's own encoding; what it cannot show is replaced, never thrown. */
class TerminalEncodingTest {

  @Test
  void shouldWriteChineseInGbkAndReplaceWhatGbkCannotShow() {
    Charset gbk = Charset.forName("GBK");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintWriter out = Main.terminal(bytes, gbk);

    out.println("校验通过：没有发现问题。\u0E01\uD83D\uDE00\u001B");
    out.flush();

    assertThat(out.checkError()).isFalse();
    assertThat(new String(bytes.toByteArray(), gbk))
        .isEqualTo("校验通过：没有发现问题。??\\x1B" + System.lineSeparator());
    assertThat(bytes.toByteArray()).isNotEqualTo(("校验通过").getBytes(StandardCharsets.UTF_8));
  }
}

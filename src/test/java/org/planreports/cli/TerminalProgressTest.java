package org.planreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress lines on the terminal: at most one a second, each with the time since the start. */
class TerminalProgressTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void shouldPrintAtMostOneLineASecondWithTheTimeSinceTheStart() {
    StringWriter text = new StringWriter();
    AtomicLong now = new AtomicLong(5 * SECOND);
    TerminalProgress progress = new TerminalProgress(new PrintWriter(text), now::get, now.get());

    progress.say("读取数据……"); // at once: dropped, a run this short needs no progress
    now.addAndGet(SECOND);
    progress.say("读取数据：已读取 200 行");
    now.addAndGet(SECOND / 2);
    progress.say("读取数据：已读取 400 行"); // half a second later: dropped
    now.addAndGet(SECOND / 2);
    progress.say("校验……");
    now.addAndGet(83 * SECOND);
    progress.say("生成发布物：3/7");

    assertThat(text.toString().lines())
        .containsExactly("[1 秒] 读取数据：已读取 200 行", "[2 秒] 校验……", "[1 分 25 秒] 生成发布物：3/7");
  }

  @Test
  void shouldFormatTheElapsedTime() {
    assertThat(TerminalProgress.elapsed(0)).isEqualTo("0 秒");
    assertThat(TerminalProgress.elapsed(59 * SECOND + SECOND - 1)).isEqualTo("59 秒");
    assertThat(TerminalProgress.elapsed(60 * SECOND)).isEqualTo("1 分 0 秒");
    assertThat(TerminalProgress.elapsed(3725 * SECOND)).isEqualTo("62 分 5 秒");
  }
}

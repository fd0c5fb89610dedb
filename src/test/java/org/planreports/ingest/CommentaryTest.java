package org.planreports.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.planreports.core.Finding;

/** The Markdown subset of the office's commentary, construct by construct, and its findings. */
class CommentaryTest {

  private static final String FILE = "commentary/2023-midterm.md";

  /** Each block as kind|marker|text|line, section by section. */
  private static List<String> blocks(Commentary c) {
    return c.sections().stream()
        .flatMap(
            s ->
                Stream.concat(
                    Stream.of("#" + s.heading() + "|" + s.line()),
                    s.blocks().stream()
                        .map(b -> b.kind() + "|" + b.marker() + "|" + b.text() + "|" + b.line())))
        .toList();
  }

  static Stream<Arguments> constructs() {
    return Stream.of(
        Arguments.of("# 前言\n正文。\n", List.of("#前言|1", "PARAGRAPH|null|正文。|2")),
        Arguments.of(
            "# 前言\n第一行，\n第二行。\n\n第二段。",
            List.of("#前言|1", "PARAGRAPH|null|第一行，第二行。|2", "PARAGRAPH|null|第二段。|5")),
        Arguments.of(
            "# Intro\nwords on\ntwo lines",
            List.of("#Intro|1", "PARAGRAPH|null|words on two lines|2")),
        Arguments.of("#前言\n正文", List.of("#前言|1", "PARAGRAPH|null|正文|2")),
        Arguments.of(
            "# 主要成效\n## 创新主体\n- 甲\n* 乙\n+ 丙",
            List.of("#主要成效|1", "HEADING|null|创新主体|2", "ITEM|•|甲|3", "ITEM|•|乙|4", "ITEM|•|丙|5")),
        Arguments.of(
            "# 存在问题\n1. 一\n2. 二\n续行\n10、十",
            List.of("#存在问题|1", "ITEM|1.|一|2", "ITEM|2.|二续行|3", "ITEM|10、|十|5")),
        Arguments.of(
            "# 前言\n段落\n- 项\n段落二", List.of("#前言|1", "PARAGRAPH|null|段落|2", "ITEM|•|项段落二|3")),
        Arguments.of(
            "# 前言\n2023年研发投入{{RD_INTENSITY:2023}}。",
            List.of("#前言|1", "PARAGRAPH|null|2023年研发投入{{RD_INTENSITY:2023}}。|2")),
        Arguments.of("\uFEFF# 前言\r\n正文\r\n", List.of("#前言|1", "PARAGRAPH|null|正文|2")),
        Arguments.of(
            "# 甲\n一\n# 乙 #\n二",
            List.of("#甲|1", "PARAGRAPH|null|一|2", "#乙|3", "PARAGRAPH|null|二|4")));
  }

  @ParameterizedTest
  @MethodSource("constructs")
  void eachConstructIsReadAsItsBlock(String text, List<String> expected) {
    Commentary c = Commentary.parse(FILE, text.replace("\uFEFF", ""));
    assertThat(c.findings()).isEmpty();
    assertThat(blocks(c)).containsExactlyElementsOf(expected);
  }

  @Test
  void referencesAreKeptWithTheirLines() {
    Commentary c = Commentary.parse(FILE, "# 前言\n甲{{RD_INTENSITY:2023}}\n乙{{ ENT_HNTE : 2020 }}丙");
    assertThat(c.sections().get(0).blocks().get(0).references())
        .extracting(r -> r.code() + ":" + r.year() + "@" + r.line())
        .containsExactly("RD_INTENSITY:2023@2", "ENT_HNTE:2020@3");
  }

  /** Each finding as severity code line message-start. */
  static Stream<Arguments> findings() {
    return Stream.of(
        Arguments.of("正文在前\n# 前言\n正文", "ERROR E_COMMENTARY 1 第一个标题之前有正文"),
        Arguments.of("# 前言\n正文\n#\n", "ERROR E_COMMENTARY 3 标题没有文字"),
        Arguments.of("# 前言\n一\n# 前言\n二", "ERROR E_COMMENTARY 3 标题“前言”已在第1行出现"),
        Arguments.of("# 前言\n坏的{{RD_INTENSITY 2023}}", "ERROR E_COMMENTARY 2 数字引用的写法不对"),
        Arguments.of("# 前言\n\n坏的{RD_INTENSITY:2023}}", "ERROR E_COMMENTARY 3 数字引用的写法不对"),
        Arguments.of("# 前言\n坏的{{RD_INTENSITY:23}}", "ERROR E_COMMENTARY 2 数字引用的写法不对"),
        Arguments.of("# 前言\n字\uE000字", "ERROR E_COMMENTARY 2 第2个字符 U+E000"),
        Arguments.of("", "ERROR E_COMMENTARY 0 评述文件没有内容"),
        Arguments.of("# 前言\n正文\n### 小节\n文字", "WARNING W_COMMENTARY 3 三级及以下标题按二级标题排印"),
        Arguments.of("# 前言\n# 主要成效\n正文", "WARNING W_COMMENTARY 1 标题“前言”下没有正文"),
        Arguments.of("# 前言\n| 甲 | 乙 |", "WARNING W_COMMENTARY_MARKUP 2 表格不受支持"),
        Arguments.of("# 前言\n![图](a.png)", "WARNING W_COMMENTARY_MARKUP 2 图片不受支持"),
        Arguments.of("# 前言\n见[网站](http://x.cn)", "WARNING W_COMMENTARY_MARKUP 2 链接不受支持"),
        Arguments.of("# 前言\n<b>粗</b>", "WARNING W_COMMENTARY_MARKUP 2 HTML 标记不受支持"),
        Arguments.of("# 前言\n```\n代码\n```", "WARNING W_COMMENTARY_MARKUP 2 代码块不受支持"),
        Arguments.of("# 前言\n> 引用", "WARNING W_COMMENTARY_MARKUP 2 引用块不受支持"),
        Arguments.of("# 前言\n**加粗**", "WARNING W_COMMENTARY_MARKUP 2 加粗、斜体和行内代码不受支持"),
        Arguments.of("# 前言\n" + "字".repeat(10_001), "ERROR E_COMMENTARY 2 这一行太长"));
  }

  @ParameterizedTest
  @MethodSource("findings")
  void eachMistakeIsAFindingWithItsLine(String text, String expected) {
    Commentary c = Commentary.parse(FILE, text);
    assertThat(c.findings())
        .extracting(f -> f.severity() + " " + f.code() + " " + f.line() + " " + f.message())
        .anySatisfy(s -> assertThat(s).startsWith(expected));
    assertThat(c.findings()).allSatisfy(f -> assertThat(f.file()).isEqualTo(FILE));
  }

  @Test
  void markupIsPrintedAsWritten() {
    Commentary c = Commentary.parse(FILE, "# 前言\n**加粗**的字");
    assertThat(c.hasErrors()).isFalse();
    assertThat(blocks(c)).contains("PARAGRAPH|null|**加粗**的字|2");
  }

  @Test
  void gbkAndUtf8WithAndWithoutBomReadAlike() {
    String text = "# 前言\n南川区科技创新。\n";
    List<byte[]> files =
        List.of(
            text.getBytes(StandardCharsets.UTF_8),
            ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8),
            text.getBytes(Charset.forName("GBK")));
    for (byte[] bytes : files) {
      Commentary c = CommentaryFiles.parse(FILE, bytes);
      assertThat(c.findings()).isEmpty();
      assertThat(blocks(c)).containsExactly("#前言|1", "PARAGRAPH|null|南川区科技创新。|2");
    }
  }

  @Test
  void utf16AndBinaryAreRefusedWithWhatToDo() {
    Finding utf16 =
        CommentaryFiles.parse(FILE, "# 前言\n正文".getBytes(StandardCharsets.UTF_16)).findings().get(0);
    assertThat(utf16.isError()).isTrue();
    assertThat(utf16.message()).contains("UTF-16BE");
    assertThat(utf16.expected()).contains("UTF-8");
    Finding binary = CommentaryFiles.parse(FILE, new byte[] {'#', ' ', 1, 2, 3}).findings().get(0);
    assertThat(binary.isError()).isTrue();
    assertThat(binary.message()).contains("控制字符");
  }
}

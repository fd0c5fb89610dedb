package org.planreports.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every command that touches data shares (OPERATIONS.md "Common options"). */
class CommonOptions {

  @Option(
      names = "--input",
      paramLabel = "DIR",
      description = "输入目录：年度统计数据CSV（默认：${DEFAULT-VALUE}）",
      defaultValue = "input")
  Path input;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      description = "输出目录：发布物（默认：${DEFAULT-VALUE}）",
      defaultValue = "output")
  Path output;

  @Option(
      names = "--state",
      paramLabel = "DIR",
      description = "状态目录：H2数据库（作业记录、暂存数据、发布历史）和运行锁（默认：${DEFAULT-VALUE}）",
      defaultValue = "state")
  Path state;

  @Option(
      names = "--plan",
      paramLabel = "FILE|DIR",
      description = "方案包：plan.properties、含它的目录，或每个子目录一个地区方案的目录；可重复，多个地区一次运行（默认：内置方案）")
  List<Path> plans = new ArrayList<>();

  @Option(
      names = "--shard",
      paramLabel = "I/N",
      description = "只处理第 I 份地区（共 N 份，0 ≤ I < N；按地区代码排序后第 k 个地区属于第 k mod N 份），供多个进程分担全市的地区")
  String shard;

  @Option(
      names = "--encoding",
      paramLabel = "CHARSET",
      description = "输入文件编码，如 GB18030 或 UTF-8（默认：自动识别）")
  String encoding;
}

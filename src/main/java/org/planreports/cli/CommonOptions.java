package org.planreports.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.planreports.job.StateDatabase;
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
      description =
          "状态目录：H2数据库（作业记录、暂存数据、发布历史；用 --database 时在 PostgreSQL 中）、运行锁和日志（默认：${DEFAULT-VALUE}）",
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
      names = "--database",
      paramLabel = "URL",
      description =
          "共享的状态数据库（PostgreSQL），如 jdbc:postgresql://主机:5432/数据库名；"
              + "也可用环境变量 PLANREPORTS_DATABASE_URL，密码只从 PLANREPORTS_DATABASE_PASSWORD 读取"
              + "（默认：状态目录中的H2文件）")
  String database;

  @Option(
      names = "--database-user",
      paramLabel = "USER",
      description = "共享状态数据库的用户名（默认：环境变量 PLANREPORTS_DATABASE_USER）")
  String databaseUser;

  /**
   * The database these options (and the environment) select; empty, the reason printed, for a URL
   * of another database (a usage error).
   */
  Optional<StateDatabase> stateDatabase(PrintWriter err) {
    Optional<String> spring = StateDatabase.springSetting(System.getenv(), System.getProperties());
    if (spring.isPresent()) {
      err.println(CliText.get("dbdisk.database.springSetting", spring.get()));
      return Optional.empty();
    }
    try {
      return Optional.of(StateDatabase.resolve(database, databaseUser, state, System.getenv()));
    } catch (StateDatabase.Refused e) {
      err.println(CliText.get(e.key(), e.args()));
      return Optional.empty();
    }
  }

  @Option(
      names = "--encoding",
      paramLabel = "CHARSET",
      description = "输入文件编码，如 GB18030 或 UTF-8（默认：自动识别）")
  String encoding;
}

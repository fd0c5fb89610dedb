package org.planreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Each kind of mistake on the command line, said in the operators' words, then where to look. */
class UsageErrorsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "run --bogus | 无法识别 --bogus | run",
        "run --yea 2023 | 无法识别 --yea 2023（是否想用 --year？） | run",
        "bogus | 无法识别 bogus | ''",
        "valdate | 无法识别 valdate（是否想用 validate、template？） | ''",
        "run --year abc | 选项 --year 的取值无效：abc（应为整数，如四位年份） | run",
        "run --year | 选项 --year 后面缺少取值 | run",
        "check-plan --plan | 选项 --plan 后面缺少取值 | check-plan",
        "rerun --year 2023 | 缺少必需的选项 --assessment、--reason | rerun",
        "rerun | 缺少必需的选项 --year、--assessment、--reason | rerun",
        "run --year 2023 --year 2024 | 选项 --year 只能给一次 | run",
        "history --state a --state b | 选项 --state 只能给一次 | history",
      })
  void shouldSayTheMistakeAndWhereTheUsageIs(String args, String said, String command) {
    CommandLine cmd = new CommandLine(Main.class);
    StringWriter err = new StringWriter();
    cmd.setErr(new PrintWriter(err, true));
    cmd.setParameterExceptionHandler(UsageErrors::report);

    int exit = cmd.execute(args.split(" "));

    assertThat(exit).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString().lines())
        .containsExactly(
            "命令行有误：" + said,
            "查看用法：plan-reports " + (command.isEmpty() ? "" : command + " ") + "--help");
  }
}

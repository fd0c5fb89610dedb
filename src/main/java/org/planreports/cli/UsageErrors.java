package org.planreports.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * A wrong command line in Chinese: picocli's own messages are English, so each kind of mistake it
 * reports is said again in the operators' words, followed by where to find the usage. Exit code 2.
 */
final class UsageErrors {

  private UsageErrors() {}

  static int report(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("命令行有误：" + describe(e));
    err.println("查看用法：plan-reports " + qualified(cmd) + "--help");
    return ExitCodes.USAGE;
  }

  static String describe(ParameterException e) {
    if (e instanceof CommandLine.UnmatchedArgumentException u) {
      String what = String.join(" ", u.getUnmatched());
      List<String> suggestions = u.getSuggestions();
      return "无法识别 "
          + what
          + (suggestions.isEmpty() ? "" : "（是否想用 " + String.join("、", suggestions) + "？）");
    }
    if (e instanceof CommandLine.MissingParameterException m) {
      if (e.getMessage().startsWith("Missing required parameter for option")) {
        return "选项 " + names(m.getMissing()) + " 后面缺少取值";
      }
      return "缺少必需的选项 " + names(m.getMissing());
    }
    if (e instanceof CommandLine.OverwrittenOptionException) {
      return "选项 " + name(e.getArgSpec()) + " 只能给一次";
    }
    if (e.getCause() instanceof CommandLine.TypeConversionException t
        && t.getMessage() != null
        && t.getMessage().codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF)) {
      // Our own converters speak Chinese already; picocli's built-in ones do not.
      return t.getMessage();
    }
    if (e.getArgSpec() != null && e.getValue() != null) {
      return "选项 " + name(e.getArgSpec()) + " 的取值无效：" + e.getValue() + expected(e.getArgSpec());
    }
    return e.getMessage();
  }

  private static String expected(ArgSpec spec) {
    Class<?> type = spec.type();
    if (type == Integer.class || type == int.class) {
      return "（应为整数，如四位年份）";
    }
    return "";
  }

  private static String names(List<ArgSpec> specs) {
    return specs.stream().map(UsageErrors::name).collect(Collectors.joining("、"));
  }

  private static String name(ArgSpec spec) {
    return spec instanceof OptionSpec o ? o.longestName() : spec.paramLabel();
  }

  private static String qualified(CommandLine cmd) {
    String name = cmd.getCommandSpec().qualifiedName(" ");
    int space = name.indexOf(' ');
    return space < 0 ? "" : name.substring(space + 1) + " ";
  }
}

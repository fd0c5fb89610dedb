package org.planreports.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import org.planreports.core.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * A wrong command line in Chinese: picocli's own messages are English, so each kind of mistake it
 * reports is said again in the operators' words, followed by where to find the usage. Exit code 2.
 */
final class UsageErrors {

  private static final Messages WORDS = Messages.bundle("operator");

  private UsageErrors() {}

  static int report(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(WORDS.get("cli.usage.error", "problem", describe(e)));
    err.println(WORDS.get("cli.usage.help", "command", qualified(cmd)));
    return ExitCodes.USAGE;
  }

  static String describe(ParameterException e) {
    if (e instanceof CommandLine.UnmatchedArgumentException u) {
      String what = String.join(" ", u.getUnmatched());
      List<String> suggestions = u.getSuggestions();
      return suggestions.isEmpty()
          ? WORDS.get("cli.usage.unmatched", "arguments", what)
          : WORDS.get(
              "cli.usage.unmatchedSuggested",
              "arguments",
              what,
              "suggestions",
              String.join(WORDS.get("cli.list.separator"), suggestions));
    }
    if (e instanceof CommandLine.MissingParameterException m) {
      if (e.getMessage().startsWith("Missing required parameter for option")) {
        return WORDS.get("cli.usage.missingValue", "option", names(m.getMissing()));
      }
      return WORDS.get("cli.usage.missingOption", "options", names(m.getMissing()));
    }
    if (e instanceof CommandLine.OverwrittenOptionException o) {
      // The option given twice is the exception's own (its getArgSpec() is null).
      return WORDS.get("cli.usage.overwritten", "option", name(o.getOverwritten()));
    }
    if (e.getCause() instanceof CommandLine.TypeConversionException t
        && t.getMessage() != null
        && t.getMessage().codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF)) {
      // Our own converters speak Chinese already; picocli's built-in ones do not.
      return t.getMessage();
    }
    if (e.getArgSpec() != null && e.getValue() != null) {
      String option = name(e.getArgSpec());
      // What the option expects is said where that helps.
      return integer(e.getArgSpec())
          ? WORDS.get("cli.usage.invalidInteger", "option", option, "value", e.getValue())
          : WORDS.get("cli.usage.invalid", "option", option, "value", e.getValue());
    }
    return e.getMessage();
  }

  private static boolean integer(ArgSpec spec) {
    Class<?> type = spec.type();
    return type == Integer.class || type == int.class;
  }

  private static String names(List<ArgSpec> specs) {
    return specs.stream()
        .map(UsageErrors::name)
        .collect(Collectors.joining(WORDS.get("cli.list.separator")));
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

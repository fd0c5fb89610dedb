package org.planreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every command and option says in {@code --help} what it does, in the words of {@code
 * messages/cli.properties} where it names a key there (a key missing from the bundle would leave
 * the line blank, not fail).
 */
class HelpWordsTest {

  private static final ResourceBundle CLI = ResourceBundle.getBundle("messages.cli");

  static Stream<Arguments> commands() {
    List<Arguments> all = new ArrayList<>();
    collect(new CommandLine(Main.class), all);
    return all.stream();
  }

  private static void collect(CommandLine cmd, List<Arguments> all) {
    all.add(Arguments.of(cmd.getCommandSpec().qualifiedName(), cmd.getCommandSpec()));
    cmd.getSubcommands().values().forEach(sub -> collect(sub, all));
  }

  static Stream<Arguments> options() {
    return commands()
        .flatMap(
            c -> {
              CommandSpec spec = (CommandSpec) c.get()[1];
              return spec.options().stream()
                  .map(o -> Arguments.of(spec.qualifiedName() + " " + o.longestName(), o));
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void everyCommandIsDescribed(String name, CommandSpec spec) {
    assertThat(String.join("", spec.usageMessage().description())).isNotBlank();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("options")
  void everyOptionIsDescribed(String name, OptionSpec option) {
    if (option.descriptionKey() != null && !option.descriptionKey().isEmpty()) {
      assertThat(CLI.containsKey(option.descriptionKey())).as(option.descriptionKey()).isTrue();
    }
    assertThat(String.join("", option.description())).isNotBlank();
  }
}

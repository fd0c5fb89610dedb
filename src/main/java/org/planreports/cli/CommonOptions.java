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
      descriptionKey = "common.input",
      defaultValue = "input")
  Path input;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      descriptionKey = "common.output",
      defaultValue = "output")
  Path output;

  @Option(
      names = "--state",
      paramLabel = "DIR",
      descriptionKey = "common.state",
      defaultValue = "state")
  Path state;

  @Option(
      names = "--review",
      paramLabel = "DIR",
      descriptionKey = "common.review",
      defaultValue = "review")
  Path review;

  @Option(names = "--plan", paramLabel = "FILE|DIR", descriptionKey = "common.plan")
  List<Path> plans = new ArrayList<>();

  @Option(names = "--shard", paramLabel = "I/N", descriptionKey = "common.shard")
  String shard;

  @Option(names = "--database", paramLabel = "URL", descriptionKey = "common.database")
  String database;

  @Option(names = "--database-user", paramLabel = "USER", descriptionKey = "common.databaseUser")
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

  @Option(names = "--encoding", paramLabel = "CHARSET", descriptionKey = "common.encoding")
  String encoding;
}

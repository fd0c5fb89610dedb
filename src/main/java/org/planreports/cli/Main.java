package org.planreports.cli;

import java.io.PrintWriter;
import org.planreports.core.Messages;
import org.planreports.launch.Terminal;
import org.planreports.plan.PlanBundleException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line of OPERATIONS.md. With no command, {@code run} on the defaults: the bundled
 * input into {@code output/}.
 */
@Command(
    name = "plan-reports",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    resourceBundle = "messages.cli",
    subcommands = {
      RunCommand.class,
      ValidateCommand.class,
      CheckPlanCommand.class,
      PublishCommand.class,
      RerunCommand.class,
      HistoryCommand.class,
      VerifyCommand.class,
      TemplateCommand.class
    })
public final class Main implements Runnable {

  private static final Messages WORDS = Messages.bundle("run");

  /** When the command started ({@link System#nanoTime}): progress lines say the time since. */
  static final long STARTED = System.nanoTime();

  private Main() {}

  public static int run(String[] args) {
    String[] effective = args.length == 0 ? new String[] {"run"} : args;
    CommandLine cmd = new CommandLine(new Main());
    // Every line for the terminal passes the one writer that escapes control characters; picocli's
    // own colours would be escaped too, so help is printed plain.
    cmd.setOut(terminal(System.out));
    cmd.setErr(terminal(System.err));
    cmd.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    cmd.setParameterExceptionHandler(UsageErrors::report);
    cmd.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof PlanBundleException bad) {
            // A mistake in the plan bundle is the bundle author's to fix, like bad input.
            commandLine
                .getErr()
                .println(WORDS.get("run.plan.bad", "problem", String.valueOf(bad.getMessage())));
            bad.problems().forEach(p -> commandLine.getErr().println("  " + p.oneLine()));
            return ExitCodes.INVALID_INPUT;
          }
          commandLine
              .getErr()
              .println(
                  WORDS.get(
                      "run.failed.command",
                      "cause",
                      String.valueOf(org.planreports.job.Failures.describe(e))));
          return ExitCodes.FAILURE;
        });
    return cmd.execute(effective);
  }

  /**
   * A writer to the terminal in its own encoding ({@link Terminal}: GBK on a Chinese Windows
   * console); a character it cannot show is written as a replacement, never an error.
   */
  static PrintWriter terminal(java.io.OutputStream stream) {
    return terminal(stream, Terminal.charset());
  }

  static PrintWriter terminal(java.io.OutputStream stream, java.nio.charset.Charset charset) {
    return new PrintWriter(
        new TerminalWriter(new java.io.OutputStreamWriter(stream, charset)), true);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /**
   * The {@code Implementation-Version} of the jar this class came from; {@code dev} for classes
   * from a folder (a build's {@code target/classes}). Read from the package, else from the jar's
   * own manifest: a package another classpath entry defined first (the tests' classes share this
   * one) carries no version.
   */
  static String toolVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    if (v == null) {
      try {
        var source = Main.class.getProtectionDomain().getCodeSource();
        java.nio.file.Path jar =
            source == null ? null : java.nio.file.Path.of(source.getLocation().toURI());
        if (jar != null && java.nio.file.Files.isRegularFile(jar)) {
          try (var file = new java.util.jar.JarFile(jar.toFile())) {
            var manifest = file.getManifest();
            v =
                manifest == null
                    ? null
                    : manifest
                        .getMainAttributes()
                        .getValue(java.util.jar.Attributes.Name.IMPLEMENTATION_VERSION);
          }
        }
      } catch (java.io.IOException | java.net.URISyntaxException | RuntimeException e) {
        v = null; // no jar to read: classes from a folder
      }
    }
    return v == null ? "dev" : v;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"plan-reports " + toolVersion()};
    }
  }
}

package org.planreports;

import java.util.Arrays;
import java.util.Set;
import org.planreports.launch.Launcher;
import org.planreports.report.FontPreload;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The tool's start ({@code Start-Class}), which {@link Launcher} may run in a second JVM. */
@SpringBootApplication
public class PlanReportsApplication {

  /** Commands that check input against the fonts ({@code validate}) or also export PDFs. */
  static final Set<String> CHECKING = Set.of("validate", "run", "rerun");

  static final Set<String> EXPORTING = Set.of("run", "rerun");

  public static void main(String[] args) {
    Launcher.enterTool(args);
    preloadFonts(args);
    System.exit(org.planreports.cli.Main.run(args));
  }

  /**
   * Starts loading the fonts the command will need on the second core while the first starts Spring
   * and the job ({@link FontPreload}).
   */
  static void preloadFonts(String[] args) {
    String command = Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse("");
    if (CHECKING.contains(command)) {
      FontPreload.start(EXPORTING.contains(command));
    }
  }
}

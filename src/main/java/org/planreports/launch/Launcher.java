package org.planreports.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Runs {@code java -jar plan-reports.jar …} in a second JVM with the settings a short batch run
 * wants, and exits with that JVM's exit code (measured in the performance notes of docs/):
 *
 * <ul>
 *   <li>{@link #JVM_FLAGS}: the serial collector, which keeps the heap near the live data (the
 *       fonts), and the C1 compiler only: a run is too short for C2 to pay back its CPU; and
 *       Spring's context from the code the build generated ahead of time ({@code
 *       org.planreports.cli.ContextAot}) rather than from scanning the configuration;
 *   <li>{@link #HEAP_FLAGS}: a heap of 160 MB to start with (320 MB when several districts' plans
 *       are named) with a 64 MB young generation, where the copy of a font's CFF table that OpenPDF
 *       makes for every PDF (16–24 MB) dies; {@code -Xms16m} when the operator sizes the heap;
 *   <li>Spring Boot's class-data-sharing route, which the build takes (pom.xml, {@code cds-*}):
 *       {@code plan-reports-cds/} beside the jar holds the jar extracted ({@code java
 *       -Djarmode=tools -jar … extract}) and {@code plan-reports.jsa}, the JDK's static archive
 *       ({@code -Xshare:dump}) of the classes a training run loaded; the second JVM runs the
 *       extracted jar with {@code -XX:SharedArchiveFile} if it holds what the jar holds ({@link
 *       #extractedFrom}). A JVM that cannot map the archive runs on without it.
 * </ul>
 *
 * JVM options given to the first JVM ({@code java -Xmx512m -jar …}) come after these, so they win;
 * {@code -Dplanreports.relaunch=false} runs the tool in the first JVM, as does every start that is
 * not {@code java -jar} (tests, {@code spring-boot:run}). The second JVM is told what the
 * operator's terminal is ({@link Terminal}). The second JVM halts when the first one is gone,
 * however it ended ({@code kill -9}), looking every 20 ms. It uses the JDK only.
 */
public final class Launcher {

  static final String PARENT_PID = "planreports.launcher.pid";
  static final String RELAUNCH = "planreports.relaunch";
  static final List<String> JVM_FLAGS =
      List.of(
          "-XX:+UseSerialGC",
          "-XX:MinHeapFreeRatio=10",
          "-XX:MaxHeapFreeRatio=30",
          "-XX:TieredStopAtLevel=1",
          "-Dspring.aot.enabled=true");
  static final List<String> HEAP_FLAGS = List.of("-Xms160m", "-Xmn64m");
  static final List<String> CITY_HEAP_FLAGS = List.of("-Xms320m", "-Xmn64m");
  static final List<String> SMALL_HEAP_FLAGS = List.of("-Xms16m");
  static final String PLAN = "plan.properties",
      CLASSES = "BOOT-INF/classes/",
      LIB = "BOOT-INF/lib/";
  static final String SIZED = "-Xm[xsn].*|-XX:(MaxHeapSize|InitialHeapSize|(Max)?NewSize|MaxRAM).*";

  private Launcher() {}

  /** First thing the tool does: watches the first JVM, or runs the second and exits with it. */
  public static void enterTool(String[] args) {
    String parent = System.getProperty(PARENT_PID);
    if (parent != null) {
      Thread watch = new Thread(() -> exitWithParent(Long.parseLong(parent)), "launcher-watch");
      watch.setDaemon(true);
      watch.start();
    } else if (!"false".equals(System.getProperty(RELAUNCH)) && startedJar().isPresent()) {
      List<String> jvm = ProcessHandle.current().info().arguments().map(List::of).orElse(List.of());
      jvm = jvm.contains("-jar") ? jvm.subList(0, jvm.indexOf("-jar")) : List.of();
      Process child;
      try {
        child = new ProcessBuilder(command(startedJar().get(), jvm, args)).inheritIO().start();
      } catch (IOException e) {
        return; // no second JVM: the tool runs in this one
      }
      // SIGTERM or Ctrl-C here: the second JVM shuts down the same way, and this one waits for it.
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(child)));
      System.exit(child.onExit().join().exitValue());
    }
  }

  /**
   * The pid an operator sees for this run: the JVM they started, this one's parent if relaunched.
   */
  public static long operatorPid() {
    String parent = System.getProperty(PARENT_PID);
    return parent == null ? ProcessHandle.current().pid() : Long.parseLong(parent);
  }

  /** The jar of {@code java -jar jar}, if that is how this JVM was started. */
  static Optional<Path> startedJar() {
    String jar = System.getProperty("java.class.path", "");
    boolean fromJar =
        jar.endsWith(".jar")
            && (System.getProperty("sun.java.command", "") + " ").startsWith(jar + " ");
    return fromJar && !jar.contains(java.io.File.pathSeparator) && Files.isRegularFile(Path.of(jar))
        ? Optional.of(Path.of(jar).toAbsolutePath())
        : Optional.empty();
  }

  static List<String> command(Path jar, List<String> userOptions, String[] args)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java"));
    command.addAll(JVM_FLAGS);
    String given =
        String.join(" ", userOptions)
            + " "
            + System.getenv().entrySet().stream()
                .filter(e -> e.getKey().matches("JAVA_TOOL_OPTIONS|JDK_JAVA_OPTIONS|_JAVA_OPTIONS"))
                .map(e -> e.getValue())
                .collect(java.util.stream.Collectors.joining(" "));
    boolean sized = List.of(given.trim().split("\\s+")).stream().anyMatch(o -> o.matches(SIZED));
    command.addAll(sized ? SMALL_HEAP_FLAGS : districts(args) > 1 ? CITY_HEAP_FLAGS : HEAP_FLAGS);
    Path cds = jar.resolveSibling(jar.getFileName().toString().replace(".jar", "-cds"));
    Path archive = cds.resolve("plan-reports.jsa"), extracted = cds.resolve("plan-reports.jar");
    boolean archived = Files.isRegularFile(archive) && extractedFrom(jar, extracted);
    if (archived) {
      command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off"));
    }
    command.addAll(userOptions);
    command.add("-D" + PARENT_PID + "=" + ProcessHandle.current().pid());
    // The operator's terminal as this JVM sees it (progress lines, the console's encoding); an
    // operator's own -D for either was read here and is passed on in it.
    command.addAll(Terminal.passDown());
    command.addAll(List.of("-jar", (archived ? extracted : jar).toString()));
    command.addAll(List.of(args));
    return command;
  }

  /**
   * How many districts' plans the command line names (a {@code --plan} folder of bundles counts its
   * subfolders with a {@code plan.properties}; {@code --shard i/n} takes the n-th part), only to
   * choose the heap: the tool itself checks its arguments.
   */
  static int districts(String[] args) {
    int districts = 0, shards = 1;
    for (int i = 0; i < args.length; i++) {
      String a = args[i], next = i + 1 < args.length ? args[i + 1] : "";
      String plan = a.equals("--plan") ? next : a.startsWith("--plan=") ? a.substring(7) : null;
      String shard = a.equals("--shard") ? next : a.startsWith("--shard=") ? a.substring(8) : "";
      if (plan != null) {
        Path p = Path.of(plan);
        try (var in = Files.isRegularFile(p.resolve(PLAN)) ? null : Files.list(p)) {
          districts +=
              in == null ? 1 : (int) in.filter(d -> Files.isRegularFile(d.resolve(PLAN))).count();
        } catch (IOException | RuntimeException e) {
          districts += 1; // a file, or none: one district
        }
      }
      shards = shard.matches("\\d+/[1-9]\\d{0,5}") ? Integer.parseInt(shard.split("/")[1]) : shards;
    }
    return Math.max(1, (districts + shards - 1) / shards);
  }

  /**
   * Whether {@code extracted} and the {@code lib/} beside it hold what {@code jar} holds: the same
   * classes and resources (by CRC-32), the same libraries (by name, with their versions, and size).
   * A jar rebuilt or replaced after the archive was made runs alone; the archive is a build's
   * product, the reproducible build gives every jar the same time stamp.
   */
  public static boolean extractedFrom(Path jar, Path extracted) {
    try (ZipFile fat = new ZipFile(jar.toFile());
        ZipFile thin = new ZipFile(extracted.toFile())) {
      for (ZipEntry e : Collections.list(fat.entries())) {
        String name = e.getName();
        if (e.isDirectory()) {
          continue;
        } else if (name.startsWith(CLASSES)) {
          ZipEntry copy = thin.getEntry(name.substring(CLASSES.length()));
          if (copy == null || copy.getCrc() != e.getCrc()) {
            return false;
          }
        } else if (name.startsWith(LIB)) {
          Path copy = extracted.resolveSibling("lib").resolve(name.substring(LIB.length()));
          if (!Files.isRegularFile(copy) || Files.size(copy) != e.getSize()) {
            return false;
          }
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void stop(Process child) {
    child.destroy();
    child.onExit().join();
  }

  /** Halts when the launching JVM is gone: its child's parent changes the moment it ends. */
  private static void exitWithParent(long launcher) {
    while (ProcessHandle.current()
        .parent()
        .map(p -> p.pid() == launcher && p.isAlive())
        .orElse(false)) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        // keep watching: only the launcher's end ends this JVM from here
      }
    }
    Runtime.getRuntime().halt(137);
  }
}

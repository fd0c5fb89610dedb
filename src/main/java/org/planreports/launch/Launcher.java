package org.planreports.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The jar's entry point ({@code Main-Class} of {@code plan-reports.jar}, at the jar's root, so that
 * it runs before and without the Spring Boot loader). Started as {@code java -jar plan-reports.jar
 * …}, it starts the tool in a second JVM with the settings a short batch run wants, and returns
 * that JVM's exit code unchanged:
 *
 * <ul>
 *   <li>{@code -XX:+UseSerialGC -Xms192m -Xmn48m}, free-ratio 10–30 %: the serial collector keeps
 *       the heap close to the live data (about 110–120 MB at its peak, most of it the fonts); G1
 *       and the default initial heap of 1/64 of the machine's memory let it grow to 400–800 MB. It
 *       starts at 192 MB with a 48 MB young generation ({@link #HEAP_FLAGS}; without, it grew from
 *       16 MB in small steps, each a full collection); when the operator sizes the heap ({@code
 *       -Xmx…}) it starts at 16 MB;
 *   <li>{@code -XX:TieredStopAtLevel=1}: a run lasts seconds, too short for the C2 compiler to pay
 *       back the CPU it spends;
 *   <li>the class-data-sharing archive the build trained ({@link ClassDataArchive}), on the
 *       extracted copy of this jar beside it: classes are mapped, not read from nested jars,
 *       verified and parsed.
 * </ul>
 *
 * Options given to the first JVM ({@code java -Xmx512m -jar …}) are passed on after these, so they
 * win. Without the archive beside the jar (the jar copied alone) the second JVM runs the jar
 * itself; with {@code -Dplanreports.relaunch=false}, or when not started from a jar ({@code
 * spring-boot:run}, tests), the tool runs in this JVM. Everything this JVM does before the second
 * starts uses the JDK only: the classes of this package are copied to the jar's root by the build
 * ({@link JarEntryPoint}) and must not use a library or another package of the tool.
 *
 * <p>The second JVM ends as soon as the first one does, however it ends: it looks every {@value
 * #WATCH_MILLIS} ms whether the first is still running and halts when it is not, so a {@code kill
 * -9} of the operator's process stops the run as it did before there were two.
 */
public final class Launcher {

  /** Set on the second JVM: the pid of the first, whose death ends it. */
  static final String PARENT_PID = "planreports.launcher.pid";

  /** {@code -Dplanreports.relaunch=false} runs the tool in the JVM the user started. */
  static final String RELAUNCH = "planreports.relaunch";

  /** Flags of the second JVM; measured in README.md, "Speed and memory". */
  static final List<String> JVM_FLAGS =
      List.of(
          "-XX:+UseSerialGC",
          "-XX:MinHeapFreeRatio=10",
          "-XX:MaxHeapFreeRatio=30",
          "-XX:TieredStopAtLevel=1");

  /**
   * The heap of a run: 192 MB to start with, a young generation of 48 MB, and arrays of 8 MB or
   * more (the fonts' CFF tables, 16–24 MB each) made in the old generation at once, not copied
   * there from the young one. The live data stay near 110–120 MB (the fonts, two publications being
   * exported); grown from a small heap in steps of 10 %, the old generation was collected in full
   * at every step. With 160 MB, a city's run of 20 districts collected it in full about once a
   * second (20 times, 2 s of its 22); with 192 MB, 13–16 times, and the default run not at all. A
   * larger young generation lets the garbage of an export die young.
   */
  static final List<String> HEAP_FLAGS =
      List.of("-Xms192m", "-Xmn48m", "-XX:PretenureSizeThreshold=8m");

  /**
   * The heap of a run over several districts ({@code --plan} naming a folder of bundles, or
   * repeated): the same live data, but exports one after another for many seconds, whose garbage
   * filled the 192 MB heap's old generation about once a second (a full collection each time, 12–15
   * in a 20-district run, 1.4 s of its wall time); with 320 MB and a 64 MB young generation, twice.
   * Measured in README.md, "What a city's run costs".
   */
  static final List<String> CITY_HEAP_FLAGS =
      List.of("-Xms320m", "-Xmn64m", "-XX:PretenureSizeThreshold=8m");

  /** When the operator sizes the heap: a small start, which no maximum they may give is below. */
  static final List<String> SMALL_HEAP_FLAGS = List.of("-Xms16m");

  private Launcher() {}

  /** The Spring Boot loader, which runs the tool from the jars nested in this one. */
  static final String BOOT_LOADER = "org.springframework.boot.loader.launch.JarLauncher";

  /** The Spring Boot loader's own commands ({@code -Djarmode=tools … extract}). */
  static final String JAR_MODE = "jarmode";

  /**
   * The jar's {@code Main-Class}: starts the second JVM, or when it cannot (or this is the second),
   * hands over to the Spring Boot loader, which starts the tool ({@code Start-Class}).
   */
  public static void main(String[] args) throws Throwable {
    if (System.getProperty(PARENT_PID) == null && System.getProperty(JAR_MODE) == null) {
      relaunchIfStartedFromJar(args);
      // No second JVM: the tool runs in this one and must not try again.
      System.setProperty(RELAUNCH, "false");
    }
    try {
      Class.forName(BOOT_LOADER).getMethod("main", String[].class).invoke(null, (Object) args);
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /**
   * First thing in the JVM that runs the tool: in the second JVM, watches the first; in a JVM
   * started as {@code java -jar} on the extracted jar, starts the second.
   */
  public static void enterTool(String[] args) {
    if (System.getProperty(PARENT_PID) != null) {
      exitWithParent();
    } else {
      relaunchIfStartedFromJar(args);
    }
  }

  /** Runs the tool in a second JVM and exits with its code, if started as {@code java -jar}. */
  private static void relaunchIfStartedFromJar(String[] args) {
    if ("false".equals(System.getProperty(RELAUNCH))) {
      return;
    }
    Optional<Path> jar = startedJar();
    if (jar.isPresent()) {
      relaunch(jar.get(), args).ifPresent(System::exit);
    }
  }

  /**
   * The pid an operator sees for this run: the JVM they started, which may be this one's parent.
   */
  public static long operatorPid() {
    String parent = System.getProperty(PARENT_PID);
    return parent == null ? ProcessHandle.current().pid() : Long.parseLong(parent);
  }

  /** The jar of {@code java -jar jar}, if that is how this JVM was started. */
  static Optional<Path> startedJar() {
    String classPath = System.getProperty("java.class.path", "");
    String command = System.getProperty("sun.java.command", "");
    if (classPath.isEmpty()
        || classPath.contains(java.io.File.pathSeparator)
        || !classPath.endsWith(".jar")
        || !command.startsWith(classPath)) {
      return Optional.empty();
    }
    Path jar = Path.of(classPath);
    return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
  }

  /** The second JVM's exit code, or empty when it could not be started. */
  private static Optional<Integer> relaunch(Path jar, String[] args) {
    List<String> command = command(jar, ClassDataArchive.beside(jar), userJvmOptions(), args);
    Process child;
    try {
      child =
          new ProcessBuilder(command)
              .redirectOutput(ProcessBuilder.Redirect.INHERIT)
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
    } catch (IOException e) {
      return Optional.empty();
    }
    // SIGTERM or Ctrl-C on this JVM: let the second one shut down the same way, then follow it.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (child.isAlive()) {
                    child.destroy();
                    try {
                      child.waitFor();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                }));
    while (true) {
      try {
        return Optional.of(child.waitFor());
      } catch (InterruptedException e) {
        // keep waiting: the exit code is the second JVM's
      }
    }
  }

  static List<String> command(
      Path jar, Optional<ClassDataArchive> archive, List<String> userOptions, String[] args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_FLAGS);
    command.addAll(
        heapFlags(
            userOptions,
            districts(args),
            System.getenv("JAVA_TOOL_OPTIONS"),
            System.getenv("JDK_JAVA_OPTIONS"),
            System.getenv("_JAVA_OPTIONS")));
    archive.ifPresent(a -> command.addAll(a.jvmOptions()));
    command.addAll(userOptions);
    command.add("-D" + PARENT_PID + "=" + ProcessHandle.current().pid());
    command.add("-jar");
    command.add(archive.map(ClassDataArchive::jar).orElse(jar).toString());
    command.addAll(List.of(args));
    return command;
  }

  /**
   * {@link #HEAP_FLAGS}, or {@link #CITY_HEAP_FLAGS} for a run over several districts, unless the
   * operator sizes the heap, on the command line or in the environment the second JVM inherits
   * ({@code java -Xmx128m -jar …}: an initial heap above their maximum would stop the JVM), then
   * {@link #SMALL_HEAP_FLAGS}.
   */
  static List<String> heapFlags(List<String> userOptions, int districts, String... environment) {
    List<String> all = new ArrayList<>(userOptions);
    for (String options : environment) {
      if (options != null) {
        all.addAll(List.of(options.trim().split("\\s+")));
      }
    }
    boolean sized =
        all.stream()
            .anyMatch(
                o ->
                    o.startsWith("-Xmx")
                        || o.startsWith("-Xms")
                        || o.startsWith("-Xmn")
                        || o.startsWith("-XX:MaxHeapSize")
                        || o.startsWith("-XX:InitialHeapSize")
                        || o.startsWith("-XX:NewSize")
                        || o.startsWith("-XX:MaxNewSize")
                        || o.startsWith("-XX:MaxRAM"));
    if (sized) {
      return SMALL_HEAP_FLAGS;
    }
    return districts > 1 ? CITY_HEAP_FLAGS : HEAP_FLAGS;
  }

  /**
   * How many districts' plans this process publishes, as far as the command line tells without
   * reading a plan: each {@code --plan} a file or a bundle folder counts one, a folder of bundles
   * its subfolders holding a {@code plan.properties}; {@code --shard i/n} takes the n-th part. The
   * rule is {@code plan.PlanBundles.resolve}'s, which this JVM cannot load (the application's
   * classes are inside the jar's {@code BOOT-INF/}); the count only chooses the heap, so the tool
   * itself checks the arguments and here anything unexpected counts as one district.
   */
  static int districts(String[] args) {
    int districts = 0;
    int shards = 1;
    for (int i = 0; i < args.length; i++) {
      String value = optionValue(args, i, "--plan");
      if (value != null) {
        districts += bundles(Path.of(value));
      }
      String shard = optionValue(args, i, "--shard");
      if (shard != null && shard.matches("\\d+/[1-9]\\d{0,5}")) {
        shards = Integer.parseInt(shard.substring(shard.indexOf('/') + 1));
      }
    }
    return Math.max(1, (districts + shards - 1) / shards);
  }

  /** The value of {@code option} if {@code args[i]} is it ({@code --x V} or {@code --x=V}). */
  private static String optionValue(String[] args, int i, String option) {
    if (args[i].equals(option) && i + 1 < args.length) {
      return args[i + 1];
    }
    return args[i].startsWith(option + "=") ? args[i].substring(option.length() + 1) : null;
  }

  private static int bundles(Path plan) {
    if (!Files.isDirectory(plan) || Files.isRegularFile(plan.resolve("plan.properties"))) {
      return 1;
    }
    try (var inside = Files.list(plan)) {
      return (int) inside.filter(d -> Files.isRegularFile(d.resolve("plan.properties"))).count();
    } catch (IOException | RuntimeException e) {
      return 1;
    }
  }

  /** What came between {@code java} and {@code -jar} on this JVM's command line. */
  static List<String> userJvmOptions() {
    List<String> all = ProcessHandle.current().info().arguments().map(List::of).orElse(List.of());
    int jar = all.indexOf("-jar");
    return jar < 0 ? List.of() : List.copyOf(all.subList(0, jar));
  }

  /** How often the second JVM looks whether the launching one is still there. */
  static final long WATCH_MILLIS = 20;

  /**
   * Halts this JVM when the launching one is gone. This JVM's parent process is looked at between
   * sleeps rather than waited for in a read of a pipe: at exit the JVM waits up to 300 ms for every
   * thread that is blocked in native code, as a read is, and a sleeping thread holds nothing up.
   * The parent's pid changes the moment the launcher ends (this process is handed to another), even
   * while the launcher's own parent has not reaped it yet.
   */
  private static void exitWithParent() {
    long launcher = Long.parseLong(System.getProperty(PARENT_PID));
    Thread watcher =
        new Thread(
            () -> {
              while (ProcessHandle.current()
                  .parent()
                  .map(p -> p.pid() == launcher && p.isAlive())
                  .orElse(false)) {
                try {
                  Thread.sleep(WATCH_MILLIS);
                } catch (InterruptedException e) {
                  // keep watching: only the launcher's end ends this JVM from here
                }
              }
              Runtime.getRuntime().halt(137);
            },
            "launcher-watch");
    watcher.setDaemon(true);
    watcher.start();
  }
}

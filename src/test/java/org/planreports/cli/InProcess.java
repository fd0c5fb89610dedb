package org.planreports.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A command run in the test's own JVM, as the packaged jar runs it after start-up: {@link Main#run}
 * with the same arguments, its standard output and error captured apart. For the jar tier's tests
 * whose point is what a command does (exit code, messages, files), not how the jar starts: a jar
 * start costs a JVM's start-up, Spring's and the JIT's warm-up every time (about two seconds of CPU
 * on a quiet machine, twice that under load), a command here only its own Spring context. The jar
 * tier's classpath holds the jar's own classes (pom.xml: failsafe's {@code classesDirectory}), so a
 * command here reports the jar's version and publishes the jar's bytes: it may resume, or be
 * compared with, a run of the jar ({@code PackagedJarIT} shows both). What only a process shows
 * stays with {@link Jar}: the lock between two processes, kill -9, the launcher and its JVM
 * options, the environment variables, the working directory, the memory bound.
 */
final class InProcess {

  private InProcess() {}

  /** Runs one command to its end; one at a time, as System.out and System.err are swapped. */
  static synchronized Jar.Result run(List<String> args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int exit;
    try (PrintStream po = new PrintStream(o, true, StandardCharsets.UTF_8);
        PrintStream pe = new PrintStream(e, true, StandardCharsets.UTF_8)) {
      System.setOut(po);
      System.setErr(pe);
      exit = Main.run(args.toArray(String[]::new));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    return new Jar.Result(
        exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
  }
}

package org.planreports.cli;

import java.nio.file.Path;
import org.planreports.job.StateDatabase;

/**
 * The commands' Spring context as Spring Boot's ahead-of-time processing sees it at build time
 * (pom.xml, {@code process-aot}): {@link #main} builds the context as {@link StateContexts} does,
 * on an H2 state folder; the processor stops it before it refreshes and writes what it would have
 * found (bean definitions, conditions decided, configuration proxies) as code, {@code
 * ContextAot__ApplicationContextInitializer}. A JVM started with {@code -Dspring.aot.enabled=true}
 * (the launcher's second JVM) runs that code instead of scanning and parsing the configuration; any
 * other JVM (tests, {@code -Dplanreports.relaunch=false}) builds the context as before. Both give
 * the same beans: the settings a run may change (the database's URL, user and password, the log
 * file) are read when the context starts, and no condition depends on them.
 */
public final class ContextAot {

  private ContextAot() {}

  /** Builds the context on the state folder {@code args[0]} (the processor stops it at once). */
  public static void main(String[] args) {
    Path state = Path.of(args[0]);
    new StateContexts().context(state, StateDatabase.h2(state));
  }
}

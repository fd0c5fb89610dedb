package org.planreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.ErrorStatus;
import ch.qos.logback.core.status.OnConsoleStatusListener;
import ch.qos.logback.core.util.StatusListenerConfigHelper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Logback's own troubles (a log file on a full disk) stay off the terminal: Spring Boot registers a
 * listener that prints each on the console, which the commands remove once Spring has started.
 */
class QuietLoggingTest {

  @Test
  void shouldPrintNothingOnTheTerminalWhenTheLogFileCannotBeWritten() {
    LoggerContext lc = (LoggerContext) LoggerFactory.getILoggerFactory();
    StatusListenerConfigHelper.addOnConsoleListenerInstance(lc, new OnConsoleStatusListener());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream was = System.out;
    PrintStream wasErr = System.err;
    try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      System.setErr(capture);
      StateContexts.quietLogging();
      lc.getStatusManager()
          .add(
              new ErrorStatus(
                  "IO failure in appender",
                  this,
                  new java.io.IOException("No space left on device")));
    } finally {
      System.setOut(was);
      System.setErr(wasErr);
    }

    assertThat(lc.getStatusManager().getCopyOfStatusListenerList())
        .noneMatch(l -> l instanceof OnConsoleStatusListener);
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}

package org.planreports.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.planreports.assessment.AssessedRow;
import org.planreports.core.Finding;
import org.planreports.core.Messages;
import org.planreports.ingest.Commentary;
import org.planreports.ingest.CommentaryFiles;
import org.planreports.plan.PublicationKey;
import org.planreports.publication.AtomicFiles;
import org.planreports.report.CommentaryException;
import org.planreports.report.PublicationComposer;
import org.planreports.validation.ValidationReport;
import org.springframework.batch.core.step.StepExecution;

/**
 * Checks the office's commentary ({@code commentary/} beside the extracts) once the publications
 * and their assessed rows are known, before anything is rendered: each file as written (its
 * Markdown, its characters, its references) and each reference against the figures its publication
 * prints. Its findings join the validation report like an extract's; an error stops the run as
 * invalid input. A file named for no publication the data supports is a warning.
 */
final class CommentaryCheck {

  /** The finding codes the commentary check makes (deleted and made again on every check). */
  static final List<String> CODES =
      List.of("E_COMMENTARY", "E_COMMENTARY_REF", "W_COMMENTARY", "W_COMMENTARY_MARKUP");

  private static final Messages WORDS = Messages.bundle("commentary");

  private CommentaryCheck() {}

  /** The findings of the commentary of the publications {@code keys} of a run. */
  static List<Finding> findings(
      PublicationComposer composer,
      Path input,
      List<PublicationKey> supported,
      List<PublicationKey> keys,
      java.util.function.Function<PublicationKey, Map<String, List<AssessedRow>>> assessed) {
    List<Finding> out = new ArrayList<>();
    Set<String> names = new TreeSet<>();
    supported.forEach(k -> names.add(k.folderName()));
    String region = supported.isEmpty() ? "" : supported.get(0).region();
    for (Path file : CommentaryFiles.in(CommentaryFiles.folder(input, region))) {
      if (!names.contains(CommentaryFiles.publication(file))) {
        out.add(
            Finding.warning(
                "W_COMMENTARY",
                input.relativize(file).toString().replace('\\', '/'),
                0,
                "",
                "",
                WORDS.get("commentary.file.unused"),
                WORDS.get(
                    "commentary.file.unused.expected",
                    "names",
                    String.join(", ", names.stream().map(n -> n + ".md").toList()))));
      }
    }
    for (PublicationKey key : keys) {
      Optional<Commentary> c = CommentaryFiles.read(input, key.region(), key.folderName());
      if (c.isEmpty()) {
        continue;
      }
      out.addAll(c.get().findings());
      // Its references are checked even where the text has other errors: every error at once.
      Optional<Commentary> text =
          Optional.of(new Commentary(c.get().file(), c.get().sections(), List.of()));
      try {
        composer
            .withCommentary(k -> k.equals(key) ? text : Optional.empty())
            .compose(key, assessed.apply(key));
      } catch (CommentaryException e) {
        out.addAll(e.findings());
      }
    }
    return out;
  }

  /**
   * Records the findings with the run's others and writes the validation report again (into the
   * output's validation folder and the run's work folder); true when one is an error.
   */
  static boolean record(
      StateStore store,
      RunSettings settings,
      long runKey,
      StepExecution step,
      List<Finding> found) {
    store.deleteFindings(runKey, CODES);
    store.insertFindings(runKey, found);
    if (found.isEmpty()) {
      return false;
    }
    ValidationReport report = new ValidationReport(store.findings(runKey));
    for (var target : List.of(settings.validation(), settings.work(runKey).resolve("validation"))) {
      AtomicFiles.write(target.resolve(ValidationReport.CSV), report.csv());
      AtomicFiles.write(target.resolve(ValidationReport.TEXT), report.text());
    }
    var jobContext = step.getJobExecution().getExecutionContext();
    jobContext.putString(ValidateTasklet.SUMMARY, report.summary());
    jobContext.putLong(ValidateTasklet.ERRORS, report.errors());
    jobContext.putString(
        ValidateTasklet.LINES,
        String.join("\n", report.findings().stream().limit(30).map(Finding::oneLine).toList())
            + (report.findings().size() > 30
                ? "\n"
                    + Messages.bundle("run")
                        .get("run.validation.more", "count", report.findings().size())
                : ""));
    return report.errors() > 0;
  }
}

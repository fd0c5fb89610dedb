package org.planreports.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.planreports.core.Glyphs;
import org.planreports.core.Messages;
import org.planreports.ingest.InputSet;
import org.planreports.job.PublicationYears;
import org.planreports.job.RunMode;
import org.planreports.job.RunRequest;
import org.planreports.job.StateDatabase;
import org.planreports.plan.Plan;
import org.planreports.plan.PlanBundles;
import org.planreports.plan.PublicationType;
import org.planreports.publication.LinkGuard;

/**
 * Turns a command's options into the requests of its districts, or refuses them with the lines that
 * say why: every check that needs no state database, before anything is written.
 */
final class RunRequests {

  private static final Messages WORDS = Messages.bundle("run");

  /** The most characters of a rerun's reason: it is printed in the notice and kept in history. */
  static final int MAX_REASON = 500;

  /** What a command runs: its districts, in the state database chosen. */
  record Planned(StateDatabase db, List<PlannedDistrict> districts) {}

  /** The options were refused (the lines are printed): the command ends with {@code exit}. */
  static final class Refused extends Exception {
    final int exit;

    Refused(int exit) {
      super(null, null, false, false);
      this.exit = exit;
    }
  }

  private final PrintWriter out;
  private final PrintWriter err;
  private final OutcomeReport report;

  RunRequests(PrintWriter out, PrintWriter err, OutcomeReport report) {
    this.out = out;
    this.err = err;
    this.report = report;
  }

  /**
   * The districts to run. Resolves {@code common}'s output and state folders (either may be a link
   * the operator set up): the command uses them resolved from here on.
   */
  Planned plan(
      CommonOptions common, RunMode mode, Integer year, PublicationType assessment, String reason)
      throws Refused {
    return plan(common, mode, year, assessment, reason, null);
  }

  /**
   * @param date the publication date stamped on what is published, or null
   */
  Planned plan(
      CommonOptions common,
      RunMode mode,
      Integer year,
      PublicationType assessment,
      String reason,
      java.time.LocalDate date)
      throws Refused {
    if (reason != null && reason.codePointCount(0, reason.length()) > MAX_REASON) {
      err.println(
          WORDS.get(
              "run.reason.long",
              "length",
              reason.codePointCount(0, reason.length()),
              "max",
              MAX_REASON));
      throw new Refused(ExitCodes.USAGE);
    }
    if (inside(common.state, common.output)) {
      err.println(
          WORDS.get("run.state.inside.output", "state", common.state, "output", common.output));
      throw new Refused(ExitCodes.USAGE);
    }
    if (common.review != null
        && (inside(common.review, common.output) || inside(common.review, common.state))) {
      // The output folder may be the public web root: unreleased figures must not appear there.
      err.println(Messages.bundle("review").get("review.folder.inside", "review", common.review));
      throw new Refused(ExitCodes.USAGE);
    }
    if (common.encoding != null && !supported(common.encoding)) {
      err.println(WORDS.get("run.encoding.unsupported", "encoding", common.encoding));
      throw new Refused(ExitCodes.USAGE);
    }
    if (!Files.isDirectory(common.input)) {
      err.println(WORDS.get("run.input.missing", "input", common.input));
      throw new Refused(ExitCodes.USAGE);
    }
    Optional<StateDatabase> selected = common.stateDatabase(err);
    if (selected.isEmpty()) {
      throw new Refused(ExitCodes.USAGE);
    }
    List<Path> bundles = PlanBundles.resolve(common.plans);
    // The bundle's printed texts against the fonts, as check-plan does (report.ReportFonts).
    List<Plan> plans = PlanBundles.loadAll(bundles, Glyphs::firstUndrawable);
    boolean city = PlanBundles.severalDistricts(bundles);
    if (city && mode.corrects()) {
      err.println(WORDS.get("run.rerun.city", "count", bundles.size()));
      throw new Refused(ExitCodes.USAGE);
    }
    for (Plan plan : plans) {
      checkAsked(plan, city, year, assessment);
    }
    Optional<int[]> shard = Shards.parse(common.shard);
    if (common.shard != null && shard.isEmpty()) {
      err.println(WORDS.get("run.shard.malformed", "shard", common.shard));
      throw new Refused(ExitCodes.USAGE);
    }
    resolveFolders(common, plans);
    InputSet input = InputSet.scan(common.input);
    RunRequest asked =
        RunRequest.of(
                mode,
                common.input,
                input.digest(),
                common.output,
                common.state,
                year,
                assessment,
                reason,
                common.encoding,
                Main.toolVersion())
            .withReview(common.review, date);
    Path output = asked.output();
    List<PlannedDistrict> districts = new ArrayList<>();
    for (int i : Shards.select(plans.stream().map(p -> p.meta().regionCode()).toList(), shard)) {
      Plan plan = plans.get(i);
      String region = plan.meta().regionCode();
      RunRequest district =
          asked.forDistrict(
              bundles.isEmpty() ? null : bundles.get(i),
              plan.digest(),
              region,
              // Several districts write reports side by side: one folder each.
              city ? output.resolve("validation").resolve(region) : null);
      districts.add(new PlannedDistrict(district, plan, bundles.isEmpty() ? null : bundles.get(i)));
    }
    if (districts.isEmpty()) {
      out.println(WORDS.get("run.shard.empty", "shard", common.shard, "count", plans.size()));
      throw new Refused(ExitCodes.OK);
    }
    return new Planned(selected.get(), districts);
  }

  /** A bulletin the plan does not declare, or a year it has no such publication for. */
  private void checkAsked(Plan plan, boolean city, Integer year, PublicationType assessment)
      throws Refused {
    String district =
        city
            ? WORDS.get(
                "run.district.prefix",
                "region",
                plan.meta().regionCode(),
                "name",
                plan.meta().regionName())
            : "";
    if (assessment != null && assessment.isBulletin() && plan.bulletin(assessment.id()).isEmpty()) {
      err.println(
          district
              + WORDS.get(
                  "run.assessment.undeclared",
                  "assessment",
                  assessment.id(),
                  "bulletins",
                  plan.bulletins().stream()
                      .map(b -> WORDS.get("run.list.separator") + b.id())
                      .reduce("", String::concat)));
      throw new Refused(ExitCodes.USAGE);
    }
    Optional<String> outside = outsidePlan(plan, year, assessment);
    if (outside.isPresent()) {
      err.println(district + outside.get());
      throw new Refused(ExitCodes.USAGE);
    }
  }

  /**
   * The two folders are resolved once and used resolved from here on; a link inside them on a path
   * the tool writes is refused before anything is written (LinkGuard).
   */
  private void resolveFolders(CommonOptions common, List<Plan> plans) throws Refused {
    try {
      common.output = LinkGuard.real(common.output);
      common.state = LinkGuard.real(common.state);
      List<String> regions = plans.stream().map(p -> p.meta().regionCode()).toList();
      refuseLinks(common.output, common.state, regions);
      if (common.review != null) {
        // Review copies are written, replaced and removed there like editions in the output.
        common.review = LinkGuard.real(common.review);
        for (String region : regions) {
          LinkGuard.refuseLinks(common.review, common.review.resolve(region));
        }
      }
    } catch (LinkGuard.LinkRefused e) {
      err.println(e.getMessage());
      throw new Refused(ExitCodes.FAILURE);
    } catch (IOException | java.io.UncheckedIOException e) {
      report.outputFailure(e instanceof IOException io ? io : (IOException) e.getCause());
      throw new Refused(ExitCodes.FAILURE);
    }
  }

  /**
   * A year the plan has no such publication for, said before any data is read: the mid-term and the
   * final evaluation each belong to one year of the plan, bulletins to the years after its base
   * year.
   */
  static Optional<String> outsidePlan(Plan plan, Integer year, PublicationType assessment) {
    if (year == null) {
      return Optional.empty();
    }
    PublicationYears years = PublicationYears.of(plan);
    String asked =
        "--year " + year + (assessment == null ? "" : " --assessment " + assessment.id());
    OptionalInt only = years.onlyYear(assessment);
    if (only.isPresent() && year != only.getAsInt()) {
      String key =
          PublicationType.MIDTERM.equals(assessment) ? "run.year.midterm" : "run.year.final";
      return Optional.of(WORDS.get(key, "asked", asked, "year", only.getAsInt()));
    }
    if (!years.contains(year)) {
      return Optional.of(
          WORDS.get(
              "run.year.outside",
              "asked",
              asked,
              "first",
              years.first(),
              "final",
              years.last(),
              "base",
              years.base()));
    }
    return Optional.empty();
  }

  /**
   * Refuses a link on any path a run writes, moves or deletes in the (resolved) output and state
   * folders: the output's lock files, validation reports and each district's folder, and the whole
   * state folder (database, check file, lock, logs, work folders).
   */
  static void refuseLinks(Path output, Path state, List<String> regions) {
    for (String name :
        List.of(
            StateLock.OUTPUT_LOCK,
            StateLock.OUTPUT_HOLDER,
            "validation",
            RunLauncher.LEGACY_WORK_ON_OUTPUT)) {
      LinkGuard.refuseLinks(output, output.resolve(name));
    }
    for (String region : regions) {
      LinkGuard.refuseLinks(output, output.resolve(region));
    }
    LinkGuard.refuseLinks(state, state);
  }

  /**
   * Whether {@code inner} is {@code outer} or inside it, symbolic links resolved where they exist.
   */
  static boolean inside(Path inner, Path outer) {
    return real(inner).startsWith(real(outer));
  }

  private static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path existing = abs;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return abs;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(abs));
    } catch (IOException e) {
      return abs;
    }
  }

  private static boolean supported(String charset) {
    try {
      return Charset.isSupported(charset);
    } catch (IllegalCharsetNameException e) {
      return false;
    }
  }
}

package org.planreports.job;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.planreports.plan.PublicationType;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * One run as the operator asked for it: the only shape a run's settings have. The command line
 * builds it, {@link #toJobParameters()} turns it into the job's parameters and {@link
 * #from(JobParameters)} reads it back in the job's steps. The same request runs a district on its
 * own and as a partition of a city-wide run, so both are the same job instance and publish the same
 * files. Identifying parameters: the same command on the same files is the same job instance.
 *
 * @param plan the plan bundle file, or null for the bundled plan
 * @param planDigest the digest of the plan; null for a city-wide request, whose districts have each
 *     their own
 * @param region the plan's region code; null for a city-wide request
 * @param validation where the validation report goes ({@code <output>/validation} for one district;
 *     a folder per district in a city-wide run)
 * @param work the folder under which each run prepares its files ({@code <state>/work}, outside the
 *     published tree)
 * @param publishedDigest what has been published for the district ({@link
 *     StateStore#publishedDigest}), read when the run starts; null before
 * @param validatedAt when a validation (or a review) was started: each is a job instance of its own
 * @param review the folder of review copies ({@code --review}, {@link
 *     org.planreports.publication.ReviewLayout}); null: none (a request built without one)
 * @param date the publication date (发布日期) stamped on what is published; null: none (the document
 *     date is the data vintage's)
 */
public record RunRequest(
    RunMode mode,
    Path input,
    String inputDigest,
    Path output,
    Path state,
    Path plan,
    String planDigest,
    String region,
    Integer year,
    PublicationType assessment,
    String reason,
    String encoding,
    String toolVersion,
    Path validation,
    Path work,
    String publishedDigest,
    Instant validatedAt,
    Path review,
    java.time.LocalDate date) {

  public static final String MODE = "mode";
  public static final String INPUT = "input";
  public static final String INPUT_DIGEST = "input.digest";
  public static final String PLAN = "plan";
  public static final String PLAN_DIGEST = "plan.digest";
  public static final String OUTPUT = "output";
  public static final String STATE = "state";
  public static final String YEAR = "year";
  public static final String ASSESSMENT = "assessment";
  public static final String REASON = "reason";
  public static final String ENCODING = "encoding";
  public static final String TOOL_VERSION = "tool.version";
  public static final String PUBLISHED_DIGEST = "published.digest";
  public static final String VALIDATION = "validation.dir";
  public static final String WORK = "work.dir";
  public static final String REGION = "region";
  public static final String VALIDATED_AT = "validated.at";
  public static final String REVIEW = "review.dir";
  public static final String DATE = "publish.date";

  /**
   * Parameters that say where files go, not which run this is. The state folder among them: with a
   * shared database it holds only the log, and workers with folders of their own must find one
   * another's runs of a district. The region is named by the plan, whose digest identifies.
   */
  static final Set<String> NOT_IDENTIFYING = Set.of(VALIDATION, WORK, REGION, STATE, REVIEW);

  public RunRequest {
    Objects.requireNonNull(mode, "mode");
    input = absolute(Objects.requireNonNull(input, "input"));
    output = absolute(Objects.requireNonNull(output, "output"));
    state = absolute(Objects.requireNonNull(state, "state"));
    plan = plan == null ? null : absolute(plan);
    validation = absolute(validation == null ? output.resolve("validation") : validation);
    work = absolute(work == null ? state.resolve("work") : work);
    toolVersion = toolVersion == null ? "dev" : toolVersion;
    inputDigest = blankToNull(inputDigest);
    planDigest = blankToNull(planDigest);
    region = blankToNull(region);
    reason = blankToNull(reason);
    encoding = blankToNull(encoding);
    publishedDigest = blankToNull(publishedDigest);
    review = review == null ? null : absolute(review);
  }

  /** A request with what the command line asked; digests, region and stamps come later. */
  public static RunRequest of(
      RunMode mode,
      Path input,
      String inputDigest,
      Path output,
      Path state,
      Integer year,
      PublicationType assessment,
      String reason,
      String encoding,
      String toolVersion) {
    return new RunRequest(
        mode,
        input,
        inputDigest,
        output,
        state,
        null,
        null,
        null,
        year,
        assessment,
        reason,
        encoding,
        toolVersion,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /**
   * This request for one district: its plan bundle (null: the bundled plan), the plan's digest and
   * region, and where its validation report goes (null: {@code <output>/validation}).
   */
  public RunRequest forDistrict(Path plan, String planDigest, String region, Path validation) {
    Copy c = new Copy(this);
    c.plan = plan;
    c.planDigest = planDigest;
    c.region = region;
    c.validation = validation;
    return c.build();
  }

  /**
   * This request as it starts, with what has been published for its district: part of a run's
   * identity, so after a rerun has published a corrected edition the same run command is a new job
   * instance that finds it, not a replay of the refusal; a killed run is resumed. A validation is
   * stamped with the time: it has nothing to resume, and the same input validated twice is checked
   * and reported twice.
   */
  RunRequest starting(String publishedDigest) {
    Copy c = new Copy(this);
    c.publishedDigest = publishedDigest;
    c.validatedAt = mode.stamped() ? Instant.now() : null;
    return c.build();
  }

  /** This request with its review folder and publication date (either may be null). */
  public RunRequest withReview(Path review, java.time.LocalDate date) {
    Copy c = new Copy(this);
    c.review = review;
    c.date = date;
    return c.build();
  }

  public boolean validateOnly() {
    return mode.validateOnly();
  }

  /** The job parameters of this request: the one place a request becomes parameters. */
  public JobParameters toJobParameters() {
    JobParametersBuilder b = new JobParametersBuilder();
    put(b, INPUT, input.toString());
    putIfKnown(b, INPUT_DIGEST, inputDigest);
    put(b, PLAN, plan == null ? "" : plan.toString());
    putIfKnown(b, PLAN_DIGEST, planDigest);
    put(b, OUTPUT, output.toString());
    put(b, STATE, state.toString());
    put(b, YEAR, year == null ? "" : String.valueOf(year));
    put(b, ASSESSMENT, assessment == null ? "" : assessment.id());
    put(b, MODE, mode.id());
    put(b, REASON, reason == null ? "" : reason);
    put(b, ENCODING, encoding == null ? "" : encoding);
    put(b, TOOL_VERSION, toolVersion);
    putIfKnown(b, PUBLISHED_DIGEST, publishedDigest);
    put(b, VALIDATION, validation.toString());
    put(b, WORK, work.toString());
    putIfKnown(b, REGION, region);
    putIfKnown(b, VALIDATED_AT, validatedAt == null ? null : validatedAt.toString());
    putIfKnown(b, REVIEW, review == null ? null : review.toString());
    putIfKnown(b, DATE, date == null ? null : date.toString());
    return b.toJobParameters();
  }

  /** The request a job was started with: the one place parameters become a request. */
  public static RunRequest from(JobParameters parameters) {
    String year = parameters.getString(YEAR);
    String assessment = parameters.getString(ASSESSMENT);
    String plan = parameters.getString(PLAN);
    String validation = parameters.getString(VALIDATION);
    String work = parameters.getString(WORK);
    String validatedAt = parameters.getString(VALIDATED_AT);
    String review = parameters.getString(REVIEW);
    String date = parameters.getString(DATE);
    return new RunRequest(
        RunMode.fromId(parameters.getString(MODE)),
        Path.of(parameters.getString(INPUT)),
        parameters.getString(INPUT_DIGEST),
        Path.of(orElse(parameters.getString(OUTPUT), "output")),
        Path.of(orElse(parameters.getString(STATE), "state")),
        plan == null || plan.isBlank() ? null : Path.of(plan),
        parameters.getString(PLAN_DIGEST),
        parameters.getString(REGION),
        year == null || year.isBlank() ? null : Integer.valueOf(year),
        assessment == null || assessment.isBlank() ? null : PublicationType.fromId(assessment),
        parameters.getString(REASON),
        parameters.getString(ENCODING),
        parameters.getString(TOOL_VERSION),
        validation == null || validation.isBlank() ? null : Path.of(validation),
        work == null || work.isBlank() ? null : Path.of(work),
        parameters.getString(PUBLISHED_DIGEST),
        validatedAt == null || validatedAt.isBlank() ? null : Instant.parse(validatedAt),
        review == null || review.isBlank() ? null : Path.of(review),
        date == null || date.isBlank() ? null : java.time.LocalDate.parse(date));
  }

  private static void put(JobParametersBuilder b, String key, String value) {
    b.addString(key, value, !NOT_IDENTIFYING.contains(key));
  }

  private static void putIfKnown(JobParametersBuilder b, String key, String value) {
    if (value != null) {
      put(b, key, value);
    }
  }

  private static Path absolute(Path p) {
    return p.toAbsolutePath().normalize();
  }

  private static String orElse(String s, String otherwise) {
    return s == null ? otherwise : s;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** A request being copied with some of its fields changed: the one place a request is copied. */
  private static final class Copy {
    private final RunRequest from;
    private Path plan;
    private String planDigest;
    private String region;
    private Path validation;
    private String publishedDigest;
    private Instant validatedAt;
    private Path review;
    private java.time.LocalDate date;

    Copy(RunRequest from) {
      this.from = from;
      plan = from.plan;
      planDigest = from.planDigest;
      region = from.region;
      validation = from.validation;
      publishedDigest = from.publishedDigest;
      validatedAt = from.validatedAt;
      review = from.review;
      date = from.date;
    }

    RunRequest build() {
      return new RunRequest(
          from.mode,
          from.input,
          from.inputDigest,
          from.output,
          from.state,
          plan,
          planDigest,
          region,
          from.year,
          from.assessment,
          from.reason,
          from.encoding,
          from.toolVersion,
          validation,
          from.work,
          publishedDigest,
          validatedAt,
          review,
          date);
    }
  }
}

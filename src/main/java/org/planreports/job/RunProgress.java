package org.planreports.job;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.planreports.core.Messages;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.stereotype.Component;

/**
 * The run's progress as the job takes it, said to a {@link ProgressSink} the command chooses
 * ({@link #sendTo}): each step of a district's job as it starts and ends (读取数据, 校验, 计算指标, 评估,
 * 生成发布物, 发布) with its counts (rows read, errors found, publications rendered k/n), and in a city
 * run each district done (k/n). Registered on the main and validation jobs' steps and on the city
 * job's district partitions; a city run's districts say theirs with their region code. Only words:
 * nothing here decides anything the run does or writes.
 */
@Component
public class RunProgress
    implements StepExecutionListener, ChunkListener<Object, Object>, JobExecutionListener {

  private static final Messages WORDS = Messages.bundle("progress");

  /** The step the current thread is working on, for {@link #rendered} and the chunks. */
  private static final ThreadLocal<Current> CURRENT = new ThreadLocal<>();

  private record Current(RunProgress progress, String step, String region, AtomicLong rows) {}

  private volatile ProgressSink sink = ProgressSink.NONE;
  private volatile boolean city;
  private final AtomicInteger districtsDone = new AtomicInteger();

  /** Where the lines go from now on (the command's choice); {@link ProgressSink#NONE}: nowhere. */
  public void sendTo(ProgressSink sink) {
    this.sink = sink == null ? ProgressSink.NONE : sink;
  }

  /**
   * Said by a step working through a list ({@code RenderTasklet}): {@code done} of {@code total}
   * finished. Nothing when the thread is not in a step of a run with progress.
   */
  static void rendered(int done, int total) {
    Current c = CURRENT.get();
    if (c != null) {
      c.progress.say(
          c.region,
          WORDS.get("progress.rendered", "step", stepName(c.step), "done", done, "total", total));
    }
  }

  // The city job: its districts are counted as their partitions end.

  @Override
  public void beforeJob(JobExecution job) {
    city = true;
    districtsDone.set(0);
  }

  /** The listener of a city run's district partitions: each one done, k of n. */
  StepExecutionListener districts() {
    return new StepExecutionListener() {
      @Override
      public ExitStatus afterStep(StepExecution step) {
        say(
            null,
            WORDS.get(
                "progress.districts",
                "done",
                districtsDone.incrementAndGet(),
                "total",
                step.getJobParameters().getString(CityJobConfig.DISTRICTS, "?"),
                "region",
                step.getExecutionContext().getString(CityJobConfig.REGION, "")));
        return step.getExitStatus();
      }
    };
  }

  // A step of a district's job.

  @Override
  public void beforeStep(StepExecution step) {
    String region = city ? step.getJobParameters().getString(RunRequest.REGION) : null;
    CURRENT.set(new Current(this, step.getStepName(), region, new AtomicLong()));
    say(region, WORDS.get("progress.started", "step", stepName(step.getStepName())));
  }

  @Override
  public ExitStatus afterStep(StepExecution step) {
    Current c = CURRENT.get();
    CURRENT.remove();
    String region = c == null ? null : c.region;
    String name = stepName(step.getStepName());
    if ("ingest".equals(step.getStepName())) {
      say(region, WORDS.get("progress.rows", "step", name, "rows", step.getReadCount()));
    } else if ("validate".equals(step.getStepName())) {
      var ctx = step.getJobExecution().getExecutionContext();
      long errors =
          ctx.containsKey(ValidateTasklet.ERRORS) ? ctx.getLong(ValidateTasklet.ERRORS) : 0;
      long rows =
          step.getJobExecution().getStepExecutions().stream()
              .filter(s -> "ingest".equals(s.getStepName()))
              .mapToLong(StepExecution::getReadCount)
              .max()
              .orElse(0);
      say(region, WORDS.get("progress.validated", "rows", rows, "errors", errors));
    } else {
      say(region, WORDS.get("progress.done", "step", name));
    }
    return step.getExitStatus();
  }

  @Override
  public void afterChunk(Chunk<Object> chunk) {
    Current c = CURRENT.get();
    if (c != null) {
      long rows = c.rows.addAndGet(chunk.size());
      say(c.region, WORDS.get("progress.rows", "step", stepName(c.step), "rows", rows));
    }
  }

  private void say(String region, String line) {
    sink.say(
        region == null ? line : WORDS.get("progress.district", "region", region, "line", line));
  }

  private static String stepName(String step) {
    String key = "progress.step." + step;
    return WORDS.has(key) ? WORDS.get(key) : WORDS.get("progress.step.other", "step", step);
  }
}

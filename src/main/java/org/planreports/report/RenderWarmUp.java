package org.planreports.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.planreports.indicator.IndicatorDeriver;
import org.planreports.plan.Plan;
import org.planreports.plan.PublicationKey;
import org.planreports.plan.PublicationType;

/**
 * Lays out and exports, on a background thread and into nothing, the plan's mid-term evaluation
 * with no figures, while the main thread starts Spring, the state database and the job. A JVM's
 * first publication costs about three times a later one (classes loaded and initialised, code
 * compiled: {@code src/bench/warm-render.sh}); during start-up the second core has little else to
 * do, so the run's own publications then find that work done. Measured in docs/performance.md.
 *
 * <p>Nothing it makes is kept or written, and it changes no state the run's publications read: the
 * fonts, templates and styles it loads are those the run loads ({@link PdfFonts}, {@link
 * PdfRenderer}), each once. A failure here is ignored: the run renders as it would have.
 */
public final class RenderWarmUp {

  private RenderWarmUp() {}

  private static final AtomicBoolean STARTED = new AtomicBoolean();

  /**
   * Starts the warm-up for {@code plan}, once per JVM (a JVM that has rendered is warm); returns at
   * once. Empty when it has started before.
   */
  public static Optional<Thread> start(Plan plan) {
    if (!STARTED.compareAndSet(false, true)) {
      return Optional.empty();
    }
    Thread thread =
        new Thread(
            () -> {
              try {
                new PublicationRenderer().render(content(plan));
              } catch (RuntimeException | LinkageError e) {
                // The run renders its publications as it would have without the warm-up.
              }
            },
            "render-warm-up");
    thread.setDaemon(true);
    thread.start();
    return Optional.of(thread);
  }

  /** What the warm-up lays out: the plan's mid-term evaluation, composed with no figures. */
  static PublicationContent content(Plan plan) {
    PublicationKey key =
        new PublicationKey(
            plan.meta().regionCode(), plan.meta().midYear(), PublicationType.MIDTERM);
    return new PublicationComposer(
            plan, new IndicatorDeriver.Result(Map.of(), List.of()), List.of())
        .compose(key);
  }
}

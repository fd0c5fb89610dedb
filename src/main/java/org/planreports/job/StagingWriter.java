package org.planreports.job;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.planreports.core.Finding;
import org.planreports.ingest.ExtractReader;
import org.planreports.publication.AtomicFiles;
import org.planreports.validation.EarlierYears;
import org.planreports.validation.RowRules;
import org.planreports.validation.StagedValue;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.stereotype.Component;

/**
 * Writes checked rows and their findings into the H2 staging tables, in the chunk's transaction.
 */
@Component
@StepScope
class StagingWriter
    implements ItemWriter<RowRules.Checked>,
        StepExecutionListener,
        org.springframework.batch.infrastructure.item.ItemStream {

  /**
   * Findings of one code in one file kept one by one; past that they are counted and the report
   * says how many more there were, so a file with a million bad rows costs no more than one with a
   * thousand (the findings are read back whole to write the report).
   */
  static final int FINDINGS_PER_FILE_AND_CODE = 1000;

  private static final String LISTED = "staging.listed";
  private static final String MORE = "staging.more";
  private static final String EARLIER = "staging.earlier";

  private final StateStore store;
  private final RunSettings settings;
  private long runKey;
  private java.util.HashMap<String, Long> listed = new java.util.HashMap<>();
  private java.util.HashMap<String, Long> more = new java.util.HashMap<>();
  // Rows of years before the plan's, by "file|year": one warning per file at the end.
  private java.util.HashMap<String, Long> earlier = new java.util.HashMap<>();

  StagingWriter(StateStore store, RunSettings settings) {
    this.store = store;
    this.settings = settings;
  }

  @Override
  public void beforeStep(StepExecution step) {
    runKey = PlanReportsJobConfig.runKey(step);
    if (!ExtractReader.isResuming(step.getExecutionContext())) {
      // A fresh ingest starts from nothing; a resumed one keeps the chunks already committed.
      // Files a run with the same key left behind (a state database deleted by hand, say) must not
      // pass for this run's rendered publications.
      store.clearRun(runKey);
      AtomicFiles.deleteTree(settings.work(runKey));
      store.pruneFinished(runKey);
    }
  }

  @Override
  public void write(Chunk<? extends RowRules.Checked> chunk) {
    // Only the plan's region is staged; rows of other regions are counted (RegionCoverage), so
    // a city-wide extract costs the state database no more than the district's own rows.
    String own = settings.plan().meta().regionCode();
    List<StagedValue> values = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    Map<String, Map<String, Long>> regions = new HashMap<>();
    for (RowRules.Checked c : chunk) {
      if (c.counted()) {
        regions.computeIfAbsent(c.file(), f -> new HashMap<>()).merge(c.region(), 1L, Long::sum);
      }
      if (c.earlierYear() != null) {
        earlier.merge(c.file() + "|" + c.earlierYear(), 1L, Long::sum);
      }
      if (c.value() != null && c.value().region().equals(own)) {
        values.add(c.value());
      }
      for (Finding f : c.findings()) {
        String key = f.severity() + "|" + f.code() + "|" + f.file();
        if (listed.merge(key, 1L, Long::sum) <= FINDINGS_PER_FILE_AND_CODE) {
          findings.add(f);
        } else {
          more.merge(key, 1L, Long::sum);
        }
      }
    }
    store.insertStaged(runKey, values);
    store.addRegionRows(runKey, regions);
    store.insertFindings(runKey, findings);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void open(org.springframework.batch.infrastructure.item.ExecutionContext ctx) {
    // A resumed ingest counts on from what the committed chunks counted.
    if (ctx.containsKey(LISTED)) {
      listed = new java.util.HashMap<>((Map<String, Long>) ctx.get(LISTED));
      more = new java.util.HashMap<>((Map<String, Long>) ctx.get(MORE));
    }
    if (ctx.containsKey(EARLIER)) {
      earlier = new java.util.HashMap<>((Map<String, Long>) ctx.get(EARLIER));
    }
  }

  @Override
  public void update(org.springframework.batch.infrastructure.item.ExecutionContext ctx) {
    ctx.put(LISTED, new java.util.HashMap<>(listed));
    ctx.put(MORE, new java.util.HashMap<>(more));
    ctx.put(EARLIER, new java.util.HashMap<>(earlier));
  }

  @Override
  public org.springframework.batch.core.ExitStatus afterStep(StepExecution step) {
    List<Finding> summaries = new ArrayList<>();
    new java.util.TreeMap<>(more)
        .forEach(
            (key, n) -> {
              String[] k = key.split("\\|", 3);
              summaries.add(
                  new Finding(
                      org.planreports.core.Severity.valueOf(k[0]),
                      k[1],
                      k[2],
                      0,
                      "",
                      "",
                      org.planreports.core.Messages.bundle("assessment")
                          .format("assessment.staging.more", k[1], n, FINDINGS_PER_FILE_AND_CODE),
                      ""));
            });
    Map<String, Map<Integer, Long>> years = new java.util.TreeMap<>();
    earlier.forEach(
        (key, n) -> {
          int bar = key.lastIndexOf('|');
          years
              .computeIfAbsent(key.substring(0, bar), f -> new java.util.TreeMap<>())
              .put(Integer.valueOf(key.substring(bar + 1)), n);
        });
    summaries.addAll(EarlierYears.check(settings.plan(), years));
    store.insertFindings(runKey, summaries);
    return null;
  }
}

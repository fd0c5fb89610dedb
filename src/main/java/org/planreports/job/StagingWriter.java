package org.planreports.job;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.planreports.ingest.ExtractReader;
import org.planreports.publication.AtomicFiles;
import org.planreports.validation.Finding;
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
class StagingWriter implements ItemWriter<RowRules.Checked>, StepExecutionListener {

  private final StateStore store;
  private final RunSettings settings;
  private long runKey;

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
      if (c.value() != null) {
        regions
            .computeIfAbsent(c.value().file(), f -> new HashMap<>())
            .merge(c.value().region(), 1L, Long::sum);
        if (c.value().region().equals(own)) {
          values.add(c.value());
        }
      }
      findings.addAll(c.findings());
    }
    store.insertStaged(runKey, values);
    store.addRegionRows(runKey, regions);
    store.insertFindings(runKey, findings);
  }
}

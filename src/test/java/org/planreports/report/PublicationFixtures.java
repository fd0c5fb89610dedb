package org.planreports.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.planreports.indicator.IndicatorDeriver;
import org.planreports.ingest.ExtractParser;
import org.planreports.ingest.InputFile;
import org.planreports.ingest.InputSet;
import org.planreports.ingest.RawRow;
import org.planreports.plan.Plan;
import org.planreports.plan.PlanLoader;
import org.planreports.validation.CrossRowRules;
import org.planreports.validation.RowRules;
import org.planreports.validation.StagedValue;

/**
 * An input folder read the way the job reads it (parse, row rules, cross-row rules, derive),
 * without Spring, so publications can be built and rendered in a unit test.
 */
final class PublicationFixtures {

  /** The bundled extracts: 2015, 2020 and sample 2021–2023. */
  static final Path BUNDLED = Path.of("input");

  /** 2015, 2020 and sample 2021–2025: a complete plan period, for the final evaluation. */
  static final Path FINAL = Path.of("src/test/resources/fixtures/final");

  final Plan plan;
  final IndicatorDeriver.Result data;
  final PublicationComposer builder;

  private PublicationFixtures(
      Plan plan, IndicatorDeriver.Result data, PublicationComposer builder) {
    this.plan = plan;
    this.data = data;
    this.builder = builder;
  }

  static PublicationFixtures read(Path folder) {
    return read(folder, PlanLoader.loadDefault());
  }

  static PublicationFixtures read(Path folder, Plan plan) {
    InputSet input = InputSet.scan(folder);
    RowRules rules = new RowRules(plan);
    List<StagedValue> staged = new ArrayList<>();
    for (InputFile f : input.files()) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(f.path());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (RawRow row : ExtractParser.parse(f.name(), bytes, null)) {
        RowRules.Checked checked = rules.check(row);
        if (checked.value() != null) {
          staged.add(checked.value());
        }
      }
    }
    List<StagedValue> values = CrossRowRules.check(staged).values();
    IndicatorDeriver.Result data = IndicatorDeriver.derive(plan, plan.meta().regionCode(), values);
    TreeMap<String, String> sources = new TreeMap<>();
    for (StagedValue v : values) {
      if (v.source() != null && !v.source().isBlank()) {
        sources.putIfAbsent(v.file(), v.source());
      }
    }
    return new PublicationFixtures(plan, data, new PublicationComposer(plan, data, input.files()));
  }
}

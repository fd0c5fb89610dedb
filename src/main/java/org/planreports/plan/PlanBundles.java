package org.planreports.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.planreports.core.Messages;

/**
 * The plan bundles a command names with {@code --plan}: a {@code plan.properties}, a bundle folder
 * holding one, or a folder of bundle folders (a city office's districts), given once or repeated.
 */
public final class PlanBundles {

  private static final Messages WORDS = Messages.bundle("plan-check");

  private PlanBundles() {}

  /**
   * The {@code plan.properties} files the arguments name, in the order given (a folder of bundles
   * in the order of its subfolders' names); empty when none was given (the bundled plan).
   */
  public static List<Path> resolve(List<Path> args) {
    List<Path> files = new ArrayList<>();
    List<PlanProblem> problems = new ArrayList<>();
    for (Path arg : args) {
      if (!Files.isDirectory(arg)) {
        files.add(arg);
      } else if (Files.isRegularFile(arg.resolve(PlanLoader.PROPERTIES))) {
        files.add(arg.resolve(PlanLoader.PROPERTIES));
      } else {
        List<Path> inside = bundlesIn(arg);
        if (inside.isEmpty()) {
          problems.add(
              new PlanProblem(
                  arg.toString(),
                  0,
                  "",
                  WORDS.format("plan.bundle.none", PlanLoader.PROPERTIES),
                  WORDS.format("plan.bundle.none.expected")));
        }
        files.addAll(inside);
      }
    }
    if (!problems.isEmpty()) {
      throw new PlanBundleException(
          String.join(WORDS.format("plan.separator"), args.stream().map(Path::toString).toList()),
          problems);
    }
    return files;
  }

  /** Whether the arguments name more than one district's plan: a city-wide run. */
  public static boolean severalDistricts(List<Path> resolved) {
    return resolved.size() > 1;
  }

  /**
   * Loads every bundle and reports every problem of every bundle at once, and two bundles of the
   * same region code (which would publish into the same folders).
   */
  public static List<Plan> loadAll(List<Path> files) {
    return loadAll(files, PlanLoader.NO_GLYPH_CHECK);
  }

  /**
   * As {@link #loadAll(List)}, every text a publication prints from a bundle checked with {@code
   * firstUndrawable} (the index of the first character the publications' fonts cannot draw, or -1):
   * what the commands run before anything else.
   */
  public static List<Plan> loadAll(List<Path> files, ToIntFunction<String> firstUndrawable) {
    if (files.isEmpty()) {
      // The bundled plan's texts are checked against the fonts when the jar is built
      // (PlanLoaderTest), so the default run does not wait for the fonts before it starts.
      return List.of(PlanLoader.loadDefault());
    }
    List<Plan> plans = new ArrayList<>();
    List<PlanProblem> problems = new ArrayList<>();
    Map<String, Path> regions = new HashMap<>();
    for (Path file : files) {
      try {
        Plan plan = PlanLoader.load(file, firstUndrawable);
        Path first = regions.putIfAbsent(plan.meta().regionCode(), file);
        if (first != null) {
          problems.add(
              new PlanProblem(
                  file.toString(),
                  PlanLoader.lineOf(file, "region.code"),
                  "region.code",
                  plan.meta().regionCode(),
                  WORDS.get("plan.bundle.region.taken", "bundle", first),
                  List.of(
                      new PlanProblem.Place(
                          first.toString(),
                          PlanLoader.lineOf(first, "region.code"),
                          "region.code"))));
        }
        plans.add(plan);
      } catch (PlanBundleException e) {
        // Each bundle names its own files (plan.properties, catalogue.csv…): with several, say
        // whose.
        Path dir = file.getParent();
        for (PlanProblem p : e.problems()) {
          boolean named = files.size() == 1 || dir == null || Path.of(p.file()).isAbsolute();
          problems.add(
              named
                  ? p
                  : new PlanProblem(
                      dir.resolve(p.file()).toString(),
                      p.line(),
                      p.column(),
                      p.text(),
                      p.expected(),
                      p.also().stream()
                          .map(
                              a ->
                                  new PlanProblem.Place(
                                      dir.resolve(a.file()).toString(), a.line(), a.column()))
                          .toList()));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new PlanBundleException(
          files.size() == 1
              ? files.get(0).toString()
              : WORDS.get("plan.bundle.several", "bundles", files.size()),
          problems);
    }
    return plans;
  }

  private static List<Path> bundlesIn(Path folder) {
    try (Stream<Path> children = Files.list(folder)) {
      return children
          .filter(Files::isDirectory)
          .map(d -> d.resolve(PlanLoader.PROPERTIES))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

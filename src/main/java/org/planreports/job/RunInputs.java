package org.planreports.job;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.planreports.ingest.InputSet;
import org.planreports.plan.Plan;

/**
 * The plan and the input set of a run, loaded and hashed once per run rather than by every step
 * that asks: kept by what identifies them in the job parameters (the path and its digest), so a
 * cached value is one whose content the digest vouches for. The CLI, which loads and hashes them to
 * identify the run, hands them over here. Holds the last few only.
 */
public final class RunInputs {

  private static final int KEEP = 128;

  private static final Map<String, Object> CACHE =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
          return size() > 2 * KEEP;
        }
      };

  private RunInputs() {}

  /** What the CLI loaded and hashed to start a run: the job's steps use these. */
  public static void remember(String planParameter, Plan plan, Path input, InputSet set) {
    synchronized (CACHE) {
      CACHE.put(planKey(planParameter, plan.digest()), plan);
      CACHE.put(inputKey(input, set.digest()), set);
    }
  }

  static Plan plan(String planParameter, String digest, Supplier<Plan> load) {
    return get(planKey(planParameter, digest), load, Plan.class, p -> p.digest().equals(digest));
  }

  static InputSet inputSet(Path input, String digest, Supplier<InputSet> scan) {
    return get(inputKey(input, digest), scan, InputSet.class, s -> s.digest().equals(digest));
  }

  private static <T> T get(
      String key, Supplier<T> load, Class<T> type, java.util.function.Predicate<T> matches) {
    synchronized (CACHE) {
      Object cached = CACHE.get(key);
      if (cached != null) {
        return type.cast(cached);
      }
    }
    T value = load.get();
    if (matches.test(value)) {
      synchronized (CACHE) {
        CACHE.put(key, value);
      }
    }
    return value;
  }

  private static String planKey(String parameter, String digest) {
    return "plan|" + (parameter == null ? "" : parameter) + "|" + digest;
  }

  private static String inputKey(Path input, String digest) {
    return "input|" + input.toAbsolutePath().normalize() + "|" + digest;
  }
}

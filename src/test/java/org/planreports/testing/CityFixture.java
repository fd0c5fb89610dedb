package org.planreports.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A city office's set-up made from the bundled plan and input: {@code n} district plan bundles
 * (copies of {@code reports/plan} under the region codes and names of 重庆's districts, then made-up
 * ones) and city-wide extracts (each bundled extract with every district's rows). Plain JDK, so the
 * benchmark runs it as a single source file: {@code java CityFixture.java DIR N}.
 */
public final class CityFixture {

  /** 重庆's districts and counties (GB/T 2260), 南川 among them; then made-up codes. */
  private static final String[][] DISTRICTS = {
    {"500119", "南川区"}, {"500101", "万州区"}, {"500102", "涪陵区"}, {"500103", "渝中区"},
    {"500104", "大渡口区"}, {"500105", "江北区"}, {"500106", "沙坪坝区"}, {"500107", "九龙坡区"},
    {"500108", "南岸区"}, {"500109", "北碚区"}, {"500110", "綦江区"}, {"500111", "大足区"},
    {"500112", "渝北区"}, {"500113", "巴南区"}, {"500114", "黔江区"}, {"500115", "长寿区"},
    {"500116", "江津区"}, {"500117", "合川区"}, {"500118", "永川区"}, {"500120", "璧山区"},
    {"500151", "铜梁区"}, {"500152", "潼南区"}, {"500153", "荣昌区"}, {"500154", "开州区"},
    {"500155", "梁平区"}, {"500156", "武隆区"}, {"500229", "城口县"}, {"500230", "丰都县"},
    {"500231", "垫江县"}, {"500233", "忠县"}, {"500235", "云阳县"}, {"500236", "奉节县"},
    {"500237", "巫山县"}, {"500238", "巫溪县"}, {"500240", "石柱县"}, {"500241", "秀山县"},
    {"500242", "酉阳县"}, {"500243", "彭水县"}
  };

  private CityFixture() {}

  /** The region code and name of district {@code i} (0 is 南川). */
  public static String[] district(int i) {
    if (i < DISTRICTS.length) {
      return DISTRICTS[i];
    }
    return new String[] {String.valueOf(519000 + i), "示范" + (i + 1) + "区"};
  }

  /**
   * Writes {@code dir/plans/{code}/} for {@code n} districts and {@code dir/input/} with the
   * city-wide extracts; returns {@code dir}.
   */
  public static Path write(Path project, Path dir, int n) {
    try {
      Path plans = Files.createDirectories(dir.resolve("plans"));
      Path input = Files.createDirectories(dir.resolve("input"));
      for (int i = 0; i < n; i++) {
        String[] d = district(i);
        Path bundle = Files.createDirectories(plans.resolve(d[0]));
        try (Stream<Path> files = Files.list(project.resolve("reports/plan"))) {
          for (Path f : files.toList()) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            if (f.getFileName().toString().equals("plan.properties")) {
              text = text.replace("region.code=500119", "region.code=" + d[0]).replace("南川区", d[1]);
            }
            Files.writeString(bundle.resolve(f.getFileName()), text, StandardCharsets.UTF_8);
          }
        }
      }
      try (Stream<Path> files = Files.list(project.resolve("input"))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
          // Each file keeps its encoding (the bundled input has a GB18030 one, as WPS saves).
          java.nio.charset.Charset cs = StandardCharsets.UTF_8;
          List<String> lines;
          try {
            lines = Files.readAllLines(f, cs);
          } catch (java.nio.charset.CharacterCodingException e) {
            cs = java.nio.charset.Charset.forName("GB18030");
            lines = Files.readAllLines(f, cs);
          }
          List<String> city = new ArrayList<>();
          city.add(lines.get(0));
          for (int i = 0; i < n; i++) {
            String code = district(i)[0];
            for (String line : lines.subList(1, lines.size())) {
              city.add(line.startsWith("500119,") ? code + line.substring(6) : line);
            }
          }
          Files.writeString(input.resolve(f.getFileName()), String.join("\n", city) + "\n", cs);
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code java CityFixture.java PROJECT DIR N}. */
  public static void main(String[] args) {
    write(Path.of(args[0]), Path.of(args[1]), Integer.parseInt(args[2]));
  }
}

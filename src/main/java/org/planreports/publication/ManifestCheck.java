package org.planreports.publication;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.planreports.ingest.InputSet;

/**
 * Recomputes the SHA-256 of every output a manifest lists and reports each difference: a file
 * missing, changed, or in the folder without being listed.
 */
public final class ManifestCheck {

  private static final Pattern ENTRY =
      Pattern.compile("\\{\"file\": \"((?:[^\"\\\\]|\\\\.)*)\", \"sha256\": \"([0-9a-f]{64})\"");

  private ManifestCheck() {}

  public static List<String> check(Path manifest) throws IOException {
    String json = Files.readString(manifest, StandardCharsets.UTF_8);
    int outputs = json.indexOf("\"outputs\"");
    List<String> problems = new ArrayList<>();
    if (outputs < 0) {
      problems.add("manifest.json 没有 outputs 部分");
      return problems;
    }
    Matcher m = ENTRY.matcher(json.substring(outputs));
    java.util.Set<String> listed = new java.util.HashSet<>(List.of(Manifest.FILE));
    while (m.find()) {
      listed.add(Manifest.unq(m.group(1)));
      Path f = manifest.resolveSibling(m.group(1));
      if (!Files.isRegularFile(f)) {
        problems.add("缺少文件 " + m.group(1));
      } else if (!InputSet.hex(InputSet.sha256().digest(Files.readAllBytes(f)))
          .equals(m.group(2))) {
        problems.add("文件已被改动 " + m.group(1));
      }
    }
    try (java.util.stream.Stream<Path> files = Files.list(manifest.getParent())) {
      for (Path f : files.sorted().toList()) {
        if (!listed.contains(f.getFileName().toString())) {
          problems.add("多出文件 " + f.getFileName() + "（manifest.json 中没有）");
        }
      }
    }
    return problems;
  }
}

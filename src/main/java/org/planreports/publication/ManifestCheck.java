package org.planreports.publication;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.planreports.core.Messages;
import org.planreports.ingest.InputSet;

/**
 * Recomputes the SHA-256 of every output a manifest lists and reports each difference: a file
 * missing, changed, or in the folder without being listed. Files are hashed as they are read, so a
 * listed file of any size is checked in a few kilobytes of memory.
 */
public final class ManifestCheck {

  private static final Pattern ENTRY =
      Pattern.compile("\\{\"file\": \"((?:[^\"\\\\]|\\\\.)*)\", \"sha256\": \"([0-9a-f]{64})\"");

  /** Far more than a manifest of the largest edition: a bigger one is not one the tool wrote. */
  static final long MAX_MANIFEST_BYTES = 16L << 20;

  private static final Messages WORDS = Messages.bundle("publication");

  private ManifestCheck() {}

  /** Why a manifest could not be read; the file is named by whoever reports it. */
  public enum Damage {
    TOO_LARGE,
    NOT_UTF8,
    TRUNCATED,
    NOT_JSON
  }

  /** A {@code manifest.json} that cannot be read as the one the tool wrote. */
  public static final class DamagedManifest extends IOException {
    private final Damage damage;
    private final long line;
    private final long column;

    DamagedManifest(Path manifest, Damage damage, long line, long column) {
      super(manifest + ": " + damage);
      this.damage = damage;
      this.line = line;
      this.column = column;
    }

    public Damage damage() {
      return damage;
    }

    public long line() {
      return line;
    }

    public long column() {
      return column;
    }
  }

  /**
   * The differences between a manifest and its folder.
   *
   * @throws DamagedManifest when the manifest is not UTF-8, not JSON, cut short or far too large
   */
  public static List<String> check(Path manifest) throws IOException {
    String json = read(manifest);
    int outputs = json.indexOf("\"outputs\"");
    List<String> problems = new ArrayList<>();
    if (outputs < 0) {
      problems.add(WORDS.get("publication.manifest.noOutputs"));
      return problems;
    }
    Matcher m = ENTRY.matcher(json.substring(outputs));
    java.util.Set<String> listed = new java.util.HashSet<>(List.of(Manifest.FILE));
    while (m.find()) {
      listed.add(Manifest.unq(m.group(1)));
      Path f = manifest.resolveSibling(m.group(1));
      if (!Files.isRegularFile(f)) {
        problems.add(WORDS.get("publication.manifest.missingFile", "file", m.group(1)));
      } else if (!InputSet.sha256Hex(f).equals(m.group(2))) {
        problems.add(WORDS.get("publication.manifest.changedFile", "file", m.group(1)));
      }
    }
    try (java.util.stream.Stream<Path> files = Files.list(manifest.getParent())) {
      for (Path f : files.sorted().toList()) {
        if (!listed.contains(f.getFileName().toString())) {
          problems.add(WORDS.get("publication.manifest.extraFile", "file", f.getFileName()));
        }
      }
    }
    return problems;
  }

  /** The manifest's text, found to be UTF-8 and one whole JSON value. */
  static String read(Path manifest) throws IOException {
    if (Files.size(manifest) > MAX_MANIFEST_BYTES) {
      throw new DamagedManifest(manifest, Damage.TOO_LARGE, 0, 0);
    }
    byte[] bytes = Files.readAllBytes(manifest);
    String json;
    try {
      json =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new DamagedManifest(manifest, Damage.NOT_UTF8, 0, 0);
    }
    try {
      if (new ObjectMapper().readTree(json) == null) {
        throw new DamagedManifest(manifest, Damage.TRUNCATED, 1, 1);
      }
    } catch (JsonEOFException e) {
      JsonLocation at = e.getLocation();
      throw new DamagedManifest(manifest, Damage.TRUNCATED, at.getLineNr(), at.getColumnNr());
    } catch (JsonParseException e) {
      JsonLocation at = e.getLocation();
      throw new DamagedManifest(manifest, Damage.NOT_JSON, at.getLineNr(), at.getColumnNr());
    }
    return json;
  }
}

package org.planreports.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.List;
import org.planreports.core.Finding;
import org.planreports.core.Messages;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads every extract of the input folder, file by file, as raw rows, streaming: a file is read
 * once, front to back, and hashed as it is read; a file whose bytes are not the ones the run was
 * started on (changed while it ran) gets an error. Restartable: the position (file and row) is
 * saved with each committed chunk, so a killed ingest resumes where it stopped.
 */
public class ExtractReader implements ItemStreamReader<RawRow> {

  private static final Messages WORDS = Messages.bundle("input");

  private static final String FILE = "ingest.file";
  private static final String ROW = "ingest.row";

  private final List<InputFile> files;
  private final Charset encoding;
  private int fileIndex;
  private int rowIndex;
  private ExtractParser.Rows current;
  private MessageDigest digest;
  private InputStream in;
  private boolean checkedDigest;

  public ExtractReader(InputSet input, Charset encoding) {
    this.files = input.files();
    this.encoding = encoding;
  }

  @Override
  public void open(ExecutionContext ctx) {
    fileIndex = ctx.getInt(FILE, 0);
    rowIndex = ctx.getInt(ROW, 0);
  }

  @Override
  public void update(ExecutionContext ctx) {
    ctx.putInt(FILE, fileIndex);
    ctx.putInt(ROW, rowIndex);
  }

  @Override
  public void close() {
    closeFile();
  }

  private void closeFile() {
    if (current != null) {
      current.close();
      current = null;
      try {
        in.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public RawRow read() {
    while (fileIndex < files.size()) {
      InputFile f = files.get(fileIndex);
      if (current == null) {
        current = openFile(f);
        checkedDigest = false;
        // A resumed ingest skips the rows the committed chunks already staged.
        for (int i = 0; i < rowIndex && current.hasNext(); i++) {
          current.next();
        }
      }
      if (current.hasNext()) {
        rowIndex++;
        return current.next();
      }
      if (!checkedDigest) {
        checkedDigest = true;
        RawRow changed = changed(f);
        if (changed != null) {
          rowIndex++;
          return changed;
        }
      }
      closeFile();
      fileIndex++;
      rowIndex = 0;
    }
    return null;
  }

  private ExtractParser.Rows openFile(InputFile f) {
    try {
      digest = InputSet.sha256();
      in = new DigestInputStream(Files.newInputStream(f.path()), digest);
      // The parser may stop early (an error that ends the file): the rest is hashed before closing.
      return ExtractParser.open(
          f.name(), org.apache.commons.io.input.CloseShieldInputStream.wrap(in), encoding);
    } catch (IOException e) {
      throw new UncheckedIOException(WORDS.get("input.file.unreadable", "path", f.path()), e);
    }
  }

  /** An error when the bytes just read are not those the run's input digest was taken on. */
  private RawRow changed(InputFile f) {
    try {
      // What the parser stopped short of (after an error that ends the file) is hashed too.
      in.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(WORDS.get("input.file.unreadable", "path", f.path()), e);
    }
    String sha = InputSet.hex(digest.digest());
    if (sha.equals(f.sha256())) {
      return null;
    }
    return new RawRow(
        f.name(),
        0,
        null,
        List.of(
            Finding.error(
                "E_CHANGED",
                f.name(),
                0,
                "",
                "",
                WORDS.format("input.file.changed"),
                WORDS.format("input.file.changed.expected"))));
  }

  /** True when a run is resuming an ingest that had already staged rows. */
  public static boolean isResuming(ExecutionContext ctx) {
    return ctx.containsKey(FILE);
  }
}

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

  private static final Messages WORKBOOK = Messages.bundle("workbook");

  private final List<InputFile> files;
  private final Charset encoding;
  private int fileIndex;
  private int rowIndex;
  private Rows current;
  private MessageDigest digest;
  private InputStream in;
  private boolean checkedDigest;

  public ExtractReader(InputSet input, Charset encoding) {
    // The extracts, then the folder's other files, each named in a finding.
    this.files =
        java.util.stream.Stream.concat(input.files().stream(), input.others().stream()).toList();
    this.encoding = encoding;
  }

  /** The rows of one file as they are read. */
  private interface Rows extends java.util.Iterator<RawRow>, java.io.Closeable {
    @Override
    void close();
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
      if (in != null) {
        try {
          in.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        in = null;
      }
    }
  }

  @Override
  public RawRow read() {
    while (fileIndex < files.size()) {
      InputFile f = files.get(fileIndex);
      if (current == null) {
        checkedDigest = false;
        current = openFile(f);
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

  private Rows openFile(InputFile f) {
    InputSet.Kind kind = InputSet.kind(f.name());
    if (kind == InputSet.Kind.WORKBOOK) {
      // A workbook is read where it lies (a zip is not read front to back): its bytes are hashed
      // before it is opened and compared with the run's digest again when it has been read.
      in = null;
      RawRow changed = changed(f, sha256(f));
      if (changed != null) {
        checkedDigest = true;
        return rows(List.of(changed));
      }
      WorkbookReader w = WorkbookReader.open(f.name(), f.path());
      return new Rows() {
        public boolean hasNext() {
          return w.hasNext();
        }

        public RawRow next() {
          return w.next();
        }

        public void close() {
          w.close();
        }
      };
    }
    if (kind != InputSet.Kind.CSV) {
      return rows(List.of(other(f, kind)));
    }
    try {
      digest = InputSet.sha256();
      in = new DigestInputStream(Files.newInputStream(f.path()), digest);
      // The parser may stop early (an error that ends the file): the rest is hashed before closing.
      ExtractParser.Rows csv =
          ExtractParser.open(
              f.name(), org.apache.commons.io.input.CloseShieldInputStream.wrap(in), encoding);
      return new Rows() {
        public boolean hasNext() {
          return csv.hasNext();
        }

        public RawRow next() {
          return csv.next();
        }

        public void close() {
          csv.close();
        }
      };
    } catch (IOException e) {
      throw new UncheckedIOException(WORDS.get("input.file.unreadable", "path", f.path()), e);
    }
  }

  private static Rows rows(List<RawRow> rows) {
    var it = rows.iterator();
    return new Rows() {
      public boolean hasNext() {
        return it.hasNext();
      }

      public RawRow next() {
        return it.next();
      }

      public void close() {}
    };
  }

  private static String sha256(InputFile f) {
    try {
      return InputSet.sha256Hex(f.path());
    } catch (IOException e) {
      throw new UncheckedIOException(WORDS.get("input.file.unreadable", "path", f.path()), e);
    }
  }

  /** The finding that names a file of the input folder that is not an extract. */
  private static RawRow other(InputFile f, InputSet.Kind kind) {
    String base = f.name().startsWith("~$") ? f.name().substring(2) : f.name();
    Finding finding =
        switch (kind) {
          case SPREADSHEET ->
              Finding.error(
                  "E_WORKBOOK_FORMAT",
                  f.name(),
                  0,
                  "",
                  "",
                  WORKBOOK.format("workbook.format.spreadsheet"),
                  WORKBOOK.format("workbook.format.expected"));
          case LOCK ->
              Finding.warning(
                  "W_LOCK_FILE",
                  f.name(),
                  0,
                  "",
                  "",
                  WORKBOOK.get("workbook.lock", "workbook", base),
                  WORKBOOK.get("workbook.lock.expected", "workbook", base));
          default ->
              Finding.warning(
                  "W_OTHER_FILE",
                  f.name(),
                  0,
                  "",
                  "",
                  WORKBOOK.format("workbook.other"),
                  WORKBOOK.format("workbook.other.expected"));
        };
    return new RawRow(f.name(), 0, null, List.of(finding));
  }

  /** An error when the bytes just read are not those the run's input digest was taken on. */
  private RawRow changed(InputFile f) {
    if (InputSet.kind(f.name()) == InputSet.Kind.WORKBOOK) {
      return changed(f, sha256(f));
    }
    if (InputSet.kind(f.name()) != InputSet.Kind.CSV) {
      return null;
    }
    try {
      // What the parser stopped short of (after an error that ends the file) is hashed too.
      in.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(WORDS.get("input.file.unreadable", "path", f.path()), e);
    }
    return changed(f, InputSet.hex(digest.digest()));
  }

  private static RawRow changed(InputFile f, String sha) {
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

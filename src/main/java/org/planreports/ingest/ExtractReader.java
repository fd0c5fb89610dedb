package org.planreports.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads every extract of the input folder, file by file, as raw rows. Restartable: the position
 * (file and row) is saved with each committed chunk, so a killed ingest resumes where it stopped.
 */
public class ExtractReader implements ItemStreamReader<RawRow> {

  private static final String FILE = "ingest.file";
  private static final String ROW = "ingest.row";

  private final List<InputFile> files;
  private final Charset encoding;
  private int fileIndex;
  private int rowIndex;
  private List<RawRow> current;

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
  public RawRow read() {
    while (fileIndex < files.size()) {
      if (current == null) {
        InputFile f = files.get(fileIndex);
        try {
          current = ExtractParser.parse(f.name(), Files.readAllBytes(f.path()), encoding);
        } catch (IOException e) {
          throw new UncheckedIOException("无法读取输入文件 " + f.path(), e);
        }
      }
      if (rowIndex < current.size()) {
        return current.get(rowIndex++);
      }
      fileIndex++;
      rowIndex = 0;
      current = null;
    }
    return null;
  }

  /** True when a run is resuming an ingest that had already staged rows. */
  public static boolean isResuming(ExecutionContext ctx) {
    return ctx.containsKey(FILE);
  }
}

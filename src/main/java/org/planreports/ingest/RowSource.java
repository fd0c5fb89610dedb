package org.planreports.ingest;

import java.io.Closeable;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The rows of one extract file, read as they are asked for: a CSV file's ({@link
 * ExtractParser.Rows}) or a workbook's ({@link WorkbookReader}). A source reads ahead into {@link
 * #ready} in {@link #advance} (a line can give a row and a finding's row at once) and never holds
 * the file whole.
 */
abstract class RowSource implements Iterator<RawRow>, Closeable {

  /** Rows read and not yet taken. */
  protected final ArrayDeque<RawRow> ready = new ArrayDeque<>();

  /** Reads on until a row is ready or the file is done. */
  protected abstract void advance();

  @Override
  public boolean hasNext() {
    advance();
    return !ready.isEmpty();
  }

  @Override
  public RawRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return ready.removeFirst();
  }
}

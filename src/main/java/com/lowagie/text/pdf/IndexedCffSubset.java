package com.lowagie.text.pdf;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OpenPDF's CFF subsetter, reading each INDEX of a font's CFF table once for the JVM instead of
 * once or twice per subset.
 *
 * <p>{@link CFFFontSubset} parses the table anew for every document it subsets it for, and most of
 * that parse is the offset arrays of its INDEX structures: the CharStrings INDEX of a Noto CJK face
 * has 65,535 entries of three bytes, read twice per subset (by {@link CFFFont}'s constructor and by
 * the subsetter's), and each local-subroutine INDEX once per subset. Those arrays depend on the
 * table alone, which is only read. {@link Indexes} keeps them for one table; this subsetter answers
 * {@link #getIndex} from there and leaves the reading position where OpenPDF's own reading leaves
 * it, so the subset is the same bytes.
 *
 * <p>It is in OpenPDF's package because {@code getIndex} is package-private.
 */
final class IndexedCffSubset extends CFFFontSubset {

  /** The offset arrays of one CFF table's INDEX structures, by the offset the INDEX starts at. */
  static final class Indexes {
    private final Map<Integer, Index> byStart = new ConcurrentHashMap<>();

    /** How many INDEX structures are kept. */
    int size() {
      return byStart.size();
    }
  }

  /** An INDEX's offset array and the position just after it, where reading it leaves the buffer. */
  private record Index(int[] offsets, int end) {}

  /**
   * The indexes of the table being subset on this thread: {@link CFFFont}'s constructor calls
   * {@link #getIndex} before a field of this class could be set.
   */
  private static final ThreadLocal<Indexes> CURRENT = new ThreadLocal<>();

  private IndexedCffSubset(byte[] cffTable, HashMap<Integer, int[]> glyphsUsed) {
    super(new RandomAccessFileOrArray(cffTable), glyphsUsed);
  }

  /**
   * The subset of {@code cffTable} for {@code glyphsUsed}: the bytes {@code new CFFFontSubset(new
   * RandomAccessFileOrArray(cffTable), glyphsUsed).Process(name)} returns, where {@code name} is
   * the table's first font name.
   *
   * @param indexes what earlier subsets of the same table read; only ever used with this table
   */
  static byte[] subset(byte[] cffTable, HashMap<Integer, int[]> glyphsUsed, Indexes indexes)
      throws IOException {
    CURRENT.set(indexes);
    try {
      IndexedCffSubset subset = new IndexedCffSubset(cffTable, glyphsUsed);
      return subset.Process(subset.getNames()[0]);
    } finally {
      CURRENT.remove();
    }
  }

  @Override
  int[] getIndex(int start) {
    Indexes indexes = CURRENT.get();
    if (indexes == null) {
      return super.getIndex(start);
    }
    Index index = indexes.byStart.get(start);
    if (index == null) {
      int[] offsets = super.getIndex(start);
      index = new Index(offsets, getPosition());
      indexes.byStart.putIfAbsent(start, index);
    }
    seek(index.end());
    // The subsetter only reads the arrays it gets: it builds new ones for the subset.
    return index.offsets();
  }
}

package org.planreports.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A stream that fails with {@link TooBig} past {@code max} bytes instead of reading on. */
final class LimitedInputStream extends FilterInputStream {

  /** Past the limit: {@code what} names the part of the workbook, {@code max} its limit. */
  static final class TooBig extends IOException {
    private static final long serialVersionUID = 1L;
    final String what;
    final long max;

    TooBig(String what, long max) {
      super(what + " > " + max + " bytes");
      this.what = what;
      this.max = max;
    }
  }

  private final String what;
  private final long max;
  private long count;

  LimitedInputStream(InputStream in, String what, long max) {
    super(in);
    this.what = what;
    this.max = max;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      add(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      add(n);
    }
    return n;
  }

  private void add(long n) throws TooBig {
    count += n;
    if (count > max) {
      throw new TooBig(what, max);
    }
  }
}

package org.planreports.indicator;

/** Where an input figure came from: file, line, item code and the text as written. */
public record Source(String file, long line, String item, String raw)
    implements java.io.Serializable {

  public String describe() {
    return file + " 第" + line + "行 " + item + "=" + raw;
  }
}

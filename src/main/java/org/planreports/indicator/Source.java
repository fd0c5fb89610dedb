package org.planreports.indicator;

import java.math.BigDecimal;
import org.planreports.core.Messages;

/**
 * Where an input figure came from: file, line, item code and the text as written, the value it was
 * read as in the item's own unit (an amount written in 万元 is converted to the dictionary's 亿元), and
 * the 数据来源 the row names.
 */
public record Source(
    String file, long line, String item, String raw, BigDecimal value, String origin)
    implements java.io.Serializable {

  public String describe() {
    return Messages.bundle("input")
        .get("input.source", "file", file, "line", line, "item", item, "raw", String.valueOf(raw));
  }
}

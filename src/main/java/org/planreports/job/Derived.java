package org.planreports.job;

import java.io.Serializable;
import java.util.TreeMap;
import org.planreports.indicator.IndicatorDeriver;

/** What the derive step hands on: the indicator series and each input file's stated source. */
record Derived(IndicatorDeriver.Result result, TreeMap<String, String> sourcesByFile)
    implements Serializable {}

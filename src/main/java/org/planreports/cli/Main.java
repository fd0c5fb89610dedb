package org.planreports.cli;

public final class Main {
  private Main() {}

  public static int run(String[] args) {
    return 0;
  }
}

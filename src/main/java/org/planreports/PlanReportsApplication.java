package org.planreports;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PlanReportsApplication {

  public static void main(String[] args) {
    System.exit(org.planreports.cli.Main.run(args));
  }
}

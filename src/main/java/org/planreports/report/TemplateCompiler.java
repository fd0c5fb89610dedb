package org.planreports.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;

/**
 * Build-time compiler for the JRXML templates in {@code reports/}. The application never compiles a
 * template at run time; it loads the {@code .jasper} files this writes onto the classpath.
 */
public final class TemplateCompiler {

  private TemplateCompiler() {}

  public static void main(String[] args) throws IOException, JRException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: TemplateCompiler <jrxml dir> <jasper dir>");
    }
    Path source = Path.of(args[0]);
    Path target = Path.of(args[1]);
    Files.createDirectories(target);
    List<Path> templates;
    try (Stream<Path> files = Files.list(source)) {
      templates = files.filter(p -> p.toString().endsWith(".jrxml")).sorted().toList();
    }
    for (Path jrxml : templates) {
      String name = jrxml.getFileName().toString().replace(".jrxml", ".jasper");
      JasperCompileManager.compileReportToFile(jrxml.toString(), target.resolve(name).toString());
    }
    System.out.println("compiled " + templates.size() + " report templates into " + target);
  }
}

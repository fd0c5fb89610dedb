package org.planreports.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL for tests, so that the tests that matter run on the shared database as well as on
 * H2. With {@value #URL_ENV} set, that server is used (its URL names a database the user may create
 * databases from); otherwise a private cluster is made once per JVM from the installed {@code
 * initdb}/{@code pg_ctl} (PATH or {@code /usr/lib/postgresql/N/bin}): trust authentication,
 * 127.0.0.1 on a free port, its socket in its own temporary folder, stopped when the JVM exits.
 * Nothing depends on a system service being started. Each caller of {@link #newDatabase()} gets a
 * database of its own, so tests never see each other's rows.
 *
 * <p>Without any PostgreSQL the test is skipped with a message saying how to install one, unless
 * {@value #REQUIRE_ENV}{@code =true} (CI), where a skipped database test would hide a failure.
 */
public final class TestPostgres {

  public static final String URL_ENV = "PLANREPORTS_TEST_POSTGRES_URL";
  public static final String REQUIRE_ENV = "PLANREPORTS_REQUIRE_POSTGRES";

  /** One test database: what {@code --database} and the environment variables are given. */
  public record Database(String url, String user, String password) {

    /** The environment a jar started on this database gets. */
    public Map<String, String> environment() {
      return Map.of(
          "PLANREPORTS_DATABASE_URL", url,
          "PLANREPORTS_DATABASE_USER", user,
          "PLANREPORTS_DATABASE_PASSWORD", password);
    }
  }

  private record Server(String adminUrl, String user, String password) {}

  private static Server server;
  private static String unavailable;

  private TestPostgres() {}

  /** A new, empty database; skips (or, when required, fails) the test when there is no server. */
  public static synchronized Database newDatabase() {
    Server s = server();
    String name = "pr_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(s.adminUrl(), s.user(), s.password());
        Statement st = c.createStatement()) {
      // C collation: rows sort as on H2, by character code, whatever the server's locale.
      st.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C'");
    } catch (SQLException e) {
      throw new IllegalStateException("CREATE DATABASE " + name + " on " + s.adminUrl(), e);
    }
    return new Database(
        s.adminUrl().replaceFirst("/[^/?]*(\\?.*)?$", "/" + name), s.user(), s.password());
  }

  /** Skips (or fails) the calling test at once when no PostgreSQL can be had. */
  public static void require() {
    server();
  }

  private static synchronized Server server() {
    if (server == null && unavailable == null) {
      String url = System.getenv(URL_ENV);
      if (url != null && !url.isBlank()) {
        server =
            new Server(
                url,
                System.getenv().getOrDefault("PLANREPORTS_TEST_POSTGRES_USER", "postgres"),
                System.getenv().getOrDefault("PLANREPORTS_TEST_POSTGRES_PASSWORD", ""));
      } else {
        Optional<Path> bin = binaries();
        if (bin.isEmpty()) {
          unavailable =
              "PostgreSQL 未安装：apt-get install postgresql（或设置 "
                  + URL_ENV
                  + "）/ PostgreSQL is not installed: apt-get install postgresql, or set "
                  + URL_ENV;
        } else {
          server = startCluster(bin.get());
        }
      }
    }
    if (server == null) {
      if ("true".equalsIgnoreCase(System.getenv(REQUIRE_ENV))) {
        Assertions.fail(unavailable + "（" + REQUIRE_ENV + "=true）");
      }
      Assumptions.abort(unavailable);
    }
    return server;
  }

  /** The folder of {@code initdb} and {@code pg_ctl}: on the PATH, or Debian's newest version. */
  static Optional<Path> binaries() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "initdb"))) {
        return Optional.of(Path.of(dir));
      }
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(debian)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(debian)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.comparing(TestPostgres::version));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static int version(Path bin) {
    String v = bin.getParent().getFileName().toString();
    return v.matches("[0-9]+") ? Integer.parseInt(v) : 0;
  }

  private static Server startCluster(Path bin) {
    try {
      boolean root = "root".equals(System.getProperty("user.name"));
      Path dir = Files.createTempDirectory("plan-reports-pg");
      if (root) {
        // initdb refuses to run as root: the cluster belongs to Debian's postgres user.
        run(List.of("chown", "postgres:postgres", dir.toString()), false, dir);
      }
      Path data = dir.resolve("data");
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      run(
          List.of(
              bin.resolve("initdb").toString(),
              "-D",
              data.toString(),
              "-A",
              "trust",
              "-U",
              "postgres",
              "-E",
              "UTF8",
              "--no-locale"),
          root,
          dir);
      List<String> stop =
          List.of(
              bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop");
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      run(stop, root, dir);
                    } catch (IOException e) {
                      // The JVM is ending; the folder is temporary.
                    }
                    deleteTree(dir);
                  }));
      run(
          List.of(
              bin.resolve("pg_ctl").toString(),
              "-D",
              data.toString(),
              "-l",
              dir.resolve("server.log").toString(),
              "-w",
              "-t",
              "60",
              "-o",
              "-p "
                  + port
                  + " -k "
                  + dir
                  + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300",
              "start"),
          root,
          dir);
      return new Server("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
    } catch (IOException e) {
      throw new IllegalStateException("无法启动测试用的 PostgreSQL / cannot start a test PostgreSQL", e);
    }
  }

  private static void run(List<String> command, boolean asPostgres, Path dir) throws IOException {
    List<String> cmd = new ArrayList<>();
    if (asPostgres) {
      cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    cmd.addAll(command);
    Path log = Files.createTempFile("pg-command", ".log");
    try {
      Process p =
          new ProcessBuilder(cmd)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("timed out: " + cmd);
      }
      if (p.exitValue() != 0) {
        throw new IOException(
            cmd
                + " exited "
                + p.exitValue()
                + ":\n"
                + Files.readString(log, StandardCharsets.UTF_8));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + cmd, e);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Left for the system's temporary-folder cleaning.
    }
  }
}

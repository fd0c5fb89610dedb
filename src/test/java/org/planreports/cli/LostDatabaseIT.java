package org.planreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planreports.testing.FileEvents;
import org.planreports.testing.TestPostgres;

/**
 * A shared PostgreSQL lost in the middle of a run: the test's database is reached through a relay
 * that the test shuts (every connection reset, the port closed), as a stopped server looks to the
 * tool. The run must say so within seconds, naming host, port and database; before, every call
 * waited out the pool's 30 s (330 s in all) and then said "读写文件失败：Connection refused".
 */
class LostDatabaseIT {

  @TempDir Path tmp;

  @Test
  void shouldSayWithinSecondsThatTheDatabaseCannotBeReached() throws Exception {
    TestPostgres.Database db = TestPostgres.newDatabase();
    String hostPort = db.url().replaceFirst("^jdbc:postgresql://([^/]+)/.*$", "$1");
    String name = db.url().replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1");
    try (Relay relay = new Relay(hostPort)) {
      Map<String, String> env = new HashMap<>(db.environment());
      env.put(
          "PLANREPORTS_DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + relay.port() + "/" + name);
      Path log = tmp.resolve("run.txt");
      Process p =
          Jar.start(
              log,
              List.of(
                  "run",
                  "--publish",
                  "--input",
                  Path.of("input").toAbsolutePath().toString(),
                  "--output",
                  tmp.resolve("out").toString(),
                  "--state",
                  tmp.resolve("state").toString(),
                  "--year",
                  "2023"),
              env);
      // The validation report is written after ingest and validation: the run is under way.
      Path report = tmp.resolve("out/validation/validation-report.txt");
      FileEvents.await(tmp.resolve("out"), p, Duration.ofMinutes(4), () -> Files.exists(report));
      assertThat(report).as(Files.readString(log)).exists();
      relay.close();
      long lost = System.nanoTime();

      assertThat(p.waitFor(240, TimeUnit.SECONDS)).isTrue();
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - lost);
      String said = Files.readString(log, StandardCharsets.UTF_8);

      assertThat(p.exitValue()).as(said).isEqualTo(ExitCodes.FAILURE);
      assertThat(seconds).as(said).isLessThan(60);
      assertThat(said)
          .contains("无法连接状态数据库 PostgreSQL（主机 127.0.0.1:" + relay.port(), "数据库 " + name, "数据库连接不上")
          .doesNotContain("\tat ", "读写文件失败");
    }
  }

  /** Passes bytes between the tool and the server until closed. */
  private static final class Relay implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    Relay(String target) throws IOException {
      String host = target.substring(0, target.lastIndexOf(':'));
      int port = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread accept =
          new Thread(
              () -> {
                while (!server.isClosed()) {
                  try {
                    Socket in = server.accept();
                    Socket out = new Socket(host, port);
                    open.add(in);
                    open.add(out);
                    pump(in, out);
                    pump(out, in);
                  } catch (IOException e) {
                    return;
                  }
                }
              });
      accept.setDaemon(true);
      accept.start();
      threads.add(accept);
    }

    int port() {
      return server.getLocalPort();
    }

    private static void pump(Socket from, Socket to) {
      Thread t =
          new Thread(
              () -> {
                try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                  in.transferTo(out);
                } catch (IOException e) {
                  // closed by the test
                }
              });
      t.setDaemon(true);
      t.start();
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (Socket s : open) {
        try (s) {
          s.setSoLinger(true, 0);
        } catch (IOException e) {
          // already closed by its other end
        }
      }
    }
  }
}

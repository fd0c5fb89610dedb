package org.planreports.job;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.planreports.core.Messages;
import org.planreports.ingest.InputSet;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * The lock on one district while a run works on it. With the H2 state database one process holds
 * the whole state folder and output folder (their lock files), so a district needs no lock of its
 * own. With a shared PostgreSQL database, processes on any machine work on the same districts: each
 * district is a PostgreSQL advisory lock, held on a connection of its own for as long as the
 * district is worked on, and released by the server when that process ends however it ends. A
 * process that finds a district locked waits for it, then finds it done (or resumes what the other
 * left).
 */
@Component
public class DistrictLocks {

  private static final Messages WORDS = Messages.bundle("run");

  /** How often a waiting process tries again. */
  static final long RETRY_MILLIS = 500;

  /** A held district lock; closing it lets others work on the district. */
  public interface Lease extends AutoCloseable {
    @Override
    void close();
  }

  private final DataSource dataSource;
  private volatile Boolean shared;

  public DistrictLocks(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Whether the state database is one several processes share (PostgreSQL). */
  public boolean shared() {
    if (shared == null) {
      try (Connection c = dataSource.getConnection()) {
        shared = StateDatabase.Kind.of(c) == StateDatabase.Kind.POSTGRESQL;
      } catch (SQLException e) {
        throw new DataAccessResourceFailureException(WORDS.get("run.lock.connect"), e);
      }
    }
    return shared;
  }

  /**
   * Waits until this process may work on {@code region}, saying so through {@code say} if it has to
   * wait.
   */
  public Lease acquire(String region, Consumer<String> say) {
    if (!shared()) {
      return () -> {};
    }
    long key = key(region);
    Connection c = null;
    try {
      c = lockConnection();
      boolean told = false;
      while (!tryLock(c, key)) {
        if (!told) {
          say.accept(WORDS.get("run.lock.waiting"));
          told = true;
        }
        Thread.sleep(RETRY_MILLIS);
      }
      Connection held = c;
      return () -> {
        try (held;
            PreparedStatement ps = held.prepareStatement("SELECT pg_advisory_unlock(?)")) {
          ps.setLong(1, key);
          ps.execute();
        } catch (SQLException e) {
          // Closing the connection releases the lock all the same.
        }
      };
    } catch (SQLException e) {
      close(c);
      throw new DataAccessResourceFailureException(
          WORDS.get("run.lock.failed", "region", region), e);
    } catch (InterruptedException e) {
      close(c);
      Thread.currentThread().interrupt();
      throw new IllegalStateException(WORDS.get("run.lock.interrupted", "region", region), e);
    }
  }

  /**
   * A connection of its own, outside the pool: held while the district is worked on, it must not
   * take one of the connections the district's job needs.
   */
  private Connection lockConnection() throws SQLException {
    if (dataSource instanceof com.zaxxer.hikari.HikariDataSource h) {
      return java.sql.DriverManager.getConnection(h.getJdbcUrl(), h.getUsername(), h.getPassword());
    }
    return dataSource.getConnection();
  }

  private static boolean tryLock(Connection c, long key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      ps.setLong(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  /**
   * The advisory lock key of a region: the first 8 bytes of a SHA-256, the same in every process.
   */
  static long key(String region) {
    byte[] d =
        InputSet.sha256()
            .digest(("plan-reports/district/" + region).getBytes(StandardCharsets.UTF_8));
    long k = 0;
    for (int i = 0; i < 8; i++) {
      k = (k << 8) | (d[i] & 0xff);
    }
    return k;
  }

  private static void close(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // nothing more to release
      }
    }
  }
}

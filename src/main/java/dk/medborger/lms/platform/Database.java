package dk.medborger.lms.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;

/**
 * The application's one data source. Its settings come from MicroProfile Config: {@code
 * medborger.db.url}, {@code medborger.db.user}, {@code medborger.db.password} (or the environment
 * variables {@code MEDBORGER_DB_URL} etc.); the launcher sets them for the embedded database.
 *
 * <p>Transactions read committed data (not InnoDB's default, repeatable read): every statement sees
 * what others committed before it, and searches take no gap locks, so writes of different learners
 * never wait for each other (ADR 10).
 */
@DataSourceDefinition(
    name = Database.JNDI_NAME,
    className = "org.mariadb.jdbc.MariaDbDataSource",
    url = "${MPCONFIG=medborger.db.url}",
    user = "${MPCONFIG=medborger.db.user}",
    password = "${MPCONFIG=medborger.db.password}",
    minPoolSize = 4,
    maxPoolSize = 40,
    initialPoolSize = 4,
    loginTimeout = 2,
    isolationLevel = Connection.TRANSACTION_READ_COMMITTED,
    properties = {
      // A database that is gone must show as a quick 503, not as requests waiting for a connection:
      // each connection is checked as it leaves the pool, a broken one empties the pool, and no
      // request waits more than 2 s for a connection (ADR 21).
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
      "fish.payara.fail-all-connections=true",
      "fish.payara.max-wait-time-in-millis=2000",
      "fish.payara.connection-creation-retry-attempts=0"
    })
@ApplicationScoped
public class Database {

  public static final String JNDI_NAME = "java:app/jdbc/medborger";

  /**
   * Whether {@code e} says the database cannot be reached (no connection, a broken one, none free
   * in time), as opposed to an error in what was asked of it.
   */
  public static boolean isUnavailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.net.ConnectException
          || t instanceof java.sql.SQLTransientConnectionException
          || t instanceof java.sql.SQLNonTransientConnectionException
          || t instanceof java.sql.SQLRecoverableException) {
        return true;
      }
      if (t instanceof java.sql.SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("08")) {
        return true;
      }
      String name = t.getClass().getName();
      String message = String.valueOf(t.getMessage());
      if (name.endsWith("PoolingException")
          || name.endsWith("ResourceException")
          || message.contains("Error in allocating a connection")
          || message.contains("Communications link failure")
          || message.contains("Socket fail to connect")
          || message.contains("Connection refused")) {
        return true;
      }
    }
    return false;
  }
}

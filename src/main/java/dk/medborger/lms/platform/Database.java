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
    isolationLevel = Connection.TRANSACTION_READ_COMMITTED)
@ApplicationScoped
public class Database {

  public static final String JNDI_NAME = "java:app/jdbc/medborger";
}

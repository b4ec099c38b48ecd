package dk.medborger.lms.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's one data source. Its settings come from MicroProfile Config: {@code
 * medborger.db.url}, {@code medborger.db.user}, {@code medborger.db.password} (or the environment
 * variables {@code MEDBORGER_DB_URL} etc.); the launcher sets them for the embedded database.
 */
@DataSourceDefinition(
    name = Database.JNDI_NAME,
    className = "org.mariadb.jdbc.MariaDbDataSource",
    url = "${MPCONFIG=medborger.db.url}",
    user = "${MPCONFIG=medborger.db.user}",
    password = "${MPCONFIG=medborger.db.password}",
    minPoolSize = 4,
    maxPoolSize = 40,
    initialPoolSize = 4)
@ApplicationScoped
public class Database {

  public static final String JNDI_NAME = "java:app/jdbc/medborger";
}

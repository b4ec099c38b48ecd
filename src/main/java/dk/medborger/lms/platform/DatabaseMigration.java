package dk.medborger.lms.platform;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates and upgrades the schema with Flyway ({@code db/migration}) before anything else touches
 * the database; the same migrations run on the embedded and on an external MariaDB.
 */
@ApplicationScoped
public class DatabaseMigration {

  private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  void migrate(
      @Observes @Priority(StartupOrder.MIGRATE_SCHEMA) @Initialized(ApplicationScoped.class)
          Object event) {
    var result =
        Flyway.configure(DatabaseMigration.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            // The launcher starts the embedded MariaDB while Payara boots: wait for it.
            .connectRetries(60)
            .connectRetriesInterval(1)
            .load()
            .migrate();
    // Flyway reports no target version when there was nothing to migrate.
    String version =
        result.targetSchemaVersion != null
            ? result.targetSchemaVersion
            : result.initialSchemaVersion;
    LOG.info(
        () ->
            "Database schema at version "
                + version
                + " ("
                + result.migrationsExecuted
                + " migrations applied now)");
  }
}

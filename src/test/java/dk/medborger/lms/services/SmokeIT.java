package dk.medborger.lms.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.courses.boundary.CourseCatalog;
import dk.medborger.lms.platform.CourseSeeding;
import dk.medborger.lms.platform.Database;
import dk.medborger.lms.testing.Deployments;
import dk.medborger.lms.testing.TestDatabase;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.ResourceBundle;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application deploys on the configured MariaDB: the migrations ran, the course is seeded,
 * readiness reports the database. Also run against Debian's MariaDB 10.11 by the test script.
 */
@ExtendWith({TestDatabase.class, ArquillianExtension.class})
class SmokeIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.application(SmokeIT.class);
  }

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  @Inject CourseCatalog catalog;

  @Test
  void everyMigrationRanSuccessfully() throws Exception {
    try (Connection c = dataSource.getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT COUNT(*), SUM(success) FROM flyway_schema_history WHERE version IS NOT NULL")) {
      rs.next();
      assertTrue(rs.getInt(1) >= 3);
      assertEquals(rs.getInt(1), rs.getInt(2), "all migrations succeeded");
    }
  }

  @Test
  void theApplicationsConnectionsReadCommittedData() throws Exception {
    // ADR 10: progress writes rely on it (no gap locks between learners, fresh reads after a lock).
    try (Connection c = dataSource.getConnection();
        ResultSet rs = c.createStatement().executeQuery("SELECT @@SESSION.tx_isolation")) {
      rs.next();
      assertEquals("READ-COMMITTED", rs.getString(1));
    }
  }

  @Test
  void theDigitalCitizenshipCourseIsSeeded() {
    long id = catalog.findIdBySlug(CourseSeeding.DIGITAL_CITIZENSHIP).orElseThrow();
    assertTrue(catalog.outline(id).modules().size() >= 6);
  }

  @Test
  void facesOwnMessagesAreDanishInTheDeployedApplication() {
    // Mojarra's lookup of its standard messages, with the application's class loader: Danish from
    // the application, English from Mojarra itself (its own Messages_en is found first).
    ClassLoader app = Thread.currentThread().getContextClassLoader();
    String required = "jakarta.faces.component.UIInput.REQUIRED";
    assertEquals(
        "{0}: Feltet skal udfyldes.",
        ResourceBundle.getBundle("jakarta.faces.Messages", Locale.forLanguageTag("da"), app)
            .getString(required));
    assertEquals(
        "{0}: Validation Error: Value is required.",
        ResourceBundle.getBundle("jakarta.faces.Messages", Locale.ENGLISH, app)
            .getString(required));
  }

  @Test
  @RunAsClient
  void readinessReportsTheDatabaseUp(@ArquillianResource URL base) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base.toString()).resolve("/health/ready"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.body().contains("\"database\""));
  }
}

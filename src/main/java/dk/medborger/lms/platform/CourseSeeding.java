package dk.medborger.lms.platform;

import dk.medborger.lms.courses.boundary.CourseCatalog;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Installs the course this product exists for, <em>Digitalt medborgerskab</em>, from its package
 * on the class path when the database does not have it yet (in every mode, not only demo).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class CourseSeeding {

  public static final String DIGITAL_CITIZENSHIP = "digitalt-medborgerskab";

  @Inject CourseCatalog catalog;

  @PostConstruct
  void seed() {
    catalog.importIfMissing(DIGITAL_CITIZENSHIP);
  }
}

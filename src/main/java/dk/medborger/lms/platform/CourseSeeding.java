package dk.medborger.lms.platform;

import dk.medborger.lms.courses.boundary.CourseCatalog;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Installs the courses this product exists for — <em>Digitalt medborgerskab</em> and the shorter
 * <em>Lær mere om it</em> course for those who teach citizens — from their packages on the class
 * path when the database does not have them yet (in every mode, not only demo).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class CourseSeeding {

  public static final String DIGITAL_CITIZENSHIP = "digitalt-medborgerskab";
  public static final String TEACHING_IT = "laer-mere-om-it";

  @Inject CourseCatalog catalog;

  @PostConstruct
  void seed() {
    catalog.importIfMissing(DIGITAL_CITIZENSHIP);
    catalog.importIfMissing(TEACHING_IT);
  }
}

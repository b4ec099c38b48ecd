package dk.medborger.lms.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archive Arquillian deploys: the application WAR as built, plus the test classes. */
public final class Deployments {

  private Deployments() {}

  public static WebArchive application(Class<?>... tests) {
    WebArchive war =
        ShrinkWrap.create(WebArchive.class, "medborger-it.war")
            .as(ZipImporter.class)
            .importFrom(
                new File(System.getProperty("medborger.test.war", "target/medborger-lms.war")))
            .as(WebArchive.class);
    war.addClasses(
        TestDatabase.class,
        AtOnce.class,
        AtOnce.Call.class,
        Quizzes.class,
        WebClient.class,
        TestDocuments.class);
    war.addClasses(tests);
    return war;
  }

  /**
   * The application archive with a real SMTP server inside it ({@link TestMailServer}: GreenMail,
   * with the slf4j API it logs through).
   */
  public static WebArchive withMailServer(Class<?>... tests) {
    return application(tests)
        .addClass(TestMailServer.class)
        .addAsLibraries(
            jarOf(com.icegreen.greenmail.util.GreenMail.class), jarOf(org.slf4j.Logger.class));
  }

  private static File jarOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dk.medborger.lms.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address users reach this server at ({@code MEDBORGER_PUBLIC_URL}), for links in mails, which
 * are written where there is no request to take the address from.
 *
 * <pre>
 * String link = publicAddress.of("/learner/assignment.xhtml?id=" + id);
 * </pre>
 */
@ApplicationScoped
public class PublicAddress {

  @Inject
  @ConfigProperty(name = "medborger.public-url", defaultValue = "http://localhost:8080")
  String base;

  /** The full address of a path of this application (one that starts with "/"). */
  public String of(String path) {
    String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    return root + path;
  }
}

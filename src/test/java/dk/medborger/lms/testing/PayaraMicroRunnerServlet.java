package dk.medborger.lms.testing;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import java.util.logging.Logger;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;

/**
 * Makes in-container tests independent of a race in Payara's Arquillian connector (3.1).
 *
 * <p>The connector learns the deployed servlets by polling Payara Micro's console: once the
 * "Instance Configuration" block shows its HTTPS line, it takes a snapshot and parses the
 * "Deployed" list from it. On a busy machine the snapshot can be taken before the reader thread has
 * appended that list, and every in-container test then fails with "ArquillianServletRunnerEE9 not
 * found" (seen in CI). The application's context root is fixed ({@code /}, payara-web.xml), so the
 * missing runner servlet is added to the metadata here.
 */
public class PayaraMicroRunnerServlet implements LoadableExtension {

  static final String RUNNER = "ArquillianServletRunnerEE9";
  static final String CONTEXT_ROOT = "/";

  @Override
  public void register(ExtensionBuilder builder) {
    builder.override(
        DeployableContainer.class, PayaraMicroDeployableContainer.class, Container.class);
  }

  /** Payara's connector, with the runner servlet in its metadata even when it missed it. */
  public static class Container extends PayaraMicroDeployableContainer {
    private static final Logger LOG = Logger.getLogger(Container.class.getName());

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
      ProtocolMetaData metaData = super.deploy(archive);
      if (metaData != null) {
        for (HTTPContext context : metaData.getContexts(HTTPContext.class)) {
          if (context.getServletByName(RUNNER) == null) {
            LOG.warning("Payara's connector missed " + RUNNER + " on the console; added it");
            context.add(new Servlet(RUNNER, CONTEXT_ROOT));
          }
        }
      }
      return metaData;
    }
  }
}

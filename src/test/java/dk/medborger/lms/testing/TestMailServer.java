package dk.medborger.lms.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail) inside the test deployment, on the port the application's mail
 * settings name ({@code medborger.smtp.port}, chosen by {@link TestDatabase}). Stopped, it is an
 * SMTP server that is down.
 *
 * <pre>
 * TestMailServer smtp = TestMailServer.start();
 * sender.sendDue();
 * assertEquals(1, smtp.to("learner@example.dk").size());
 * smtp.stop();
 * </pre>
 */
public final class TestMailServer implements AutoCloseable {

  private final GreenMail server;

  private TestMailServer(GreenMail server) {
    this.server = server;
  }

  public static TestMailServer start() {
    int port = Integer.parseInt(System.getProperty("medborger.smtp.port"));
    GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return new TestMailServer(server);
  }

  /**
   * Starts the server, runs {@code send} (the outbox's sender) and stops it again: the messages
   * received for {@code address}, copied, so they can be read after the server is gone.
   *
   * <pre>
   * List&lt;MimeMessage&gt; mails = TestMailServer.deliver(mailSender::sendDue, "learner@example.dk");
   * </pre>
   */
  public static List<MimeMessage> deliver(Runnable send, String address) {
    try (TestMailServer smtp = start()) {
      send.run();
      List<MimeMessage> copies = new java.util.ArrayList<>();
      for (MimeMessage m : smtp.to(address)) {
        copies.add(new MimeMessage(m));
      }
      return List.copyOf(copies);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every message received so far. */
  public List<MimeMessage> received() {
    return Arrays.asList(server.getReceivedMessages());
  }

  /** The messages received for one address. */
  public List<MimeMessage> to(String address) {
    return received().stream()
        .filter(
            m -> {
              try {
                return Arrays.stream(m.getAllRecipients())
                    .anyMatch(a -> a.toString().equalsIgnoreCase(address));
              } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  public void stop() {
    server.stop();
  }

  @Override
  public void close() {
    stop();
  }
}

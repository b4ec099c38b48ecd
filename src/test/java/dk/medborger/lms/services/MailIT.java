package dk.medborger.lms.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.mail.boundary.Outbox;
import dk.medborger.lms.mail.boundary.OutgoingMail;
import dk.medborger.lms.mail.control.MailSender;
import dk.medborger.lms.mail.entity.MailState;
import dk.medborger.lms.testing.AtOnce;
import dk.medborger.lms.testing.Deployments;
import dk.medborger.lms.testing.MovableClock;
import dk.medborger.lms.testing.TestDatabase;
import dk.medborger.lms.testing.TestMailServer;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.transaction.UserTransaction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The mail outbox on a real Payara Micro, MariaDB and SMTP server (GreenMail): a mail waits while
 * the server is down and goes once it is back; one interrupted mid-send goes again with its
 * Message-ID, one already sent never; two senders at once send each mail once; a mail of a day
 * cannot be queued twice; a failed mail can be sent again.
 */
@ExtendWith({TestDatabase.class, ArquillianExtension.class})
class MailIT {

  private static final AtomicInteger MAILS = new AtomicInteger();

  @Deployment
  static WebArchive deployment() {
    return Deployments.withMailServer(MailIT.class, MovableClock.class);
  }

  @Inject Outbox outbox;
  @Inject MailSender sender;
  @Inject UserTransaction tx;

  @Resource(lookup = dk.medborger.lms.platform.Database.JNDI_NAME)
  DataSource db;

  private static String address() {
    return "mail" + MAILS.incrementAndGet() + "." + System.nanoTime() + "@kommune.example";
  }

  private static OutgoingMail mail(String to) {
    return OutgoingMail.to(
        to, null, "TEST", "Påmindelse om kurset", "Kære Åse\n\nDu mangler to lektioner.");
  }

  private Object column(String column, String recipient) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT " + column + " FROM mail_outbox WHERE recipient = ?")) {
      s.setString(1, recipient);
      try (ResultSet r = s.executeQuery()) {
        assertTrue(r.next(), "a mail to " + recipient);
        return r.getObject(1);
      }
    }
  }

  private void sql(String statement, String recipient) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(statement)) {
      s.setString(1, recipient);
      assertEquals(1, s.executeUpdate());
    }
  }

  @Test
  void aMailWaitsWhileTheSmtpServerIsDownAndGoesOnceWhenItIsBack() throws Exception {
    String to = address();
    assertTrue(outbox.enqueue(mail(to)));
    sender.sendDue(); // nobody listens on the SMTP port
    assertEquals("PENDING", column("state", to));
    assertEquals(1, ((Number) column("attempts", to)).intValue());
    assertNotNull(column("last_error", to));
    try (TestMailServer smtp = TestMailServer.start()) {
      sender.sendDue();
      assertTrue(smtp.to(to).isEmpty(), "not again before its next attempt");
      MovableClock.advance(Duration.ofMinutes(2));
      sender.sendDue();
      sender.sendDue();
      List<MimeMessage> got = smtp.to(to);
      assertEquals(1, got.size());
      assertEquals("Påmindelse om kurset", got.get(0).getSubject());
      assertTrue(String.valueOf(got.get(0).getContent()).contains("Kære Åse"));
      assertEquals("SENT", column("state", to));
      assertNotNull(column("sent_at", to));
    }
  }

  @Test
  void aMailInterruptedMidSendGoesAgainWithItsMessageIdAndOneAlreadySentNever() throws Exception {
    String interrupted = address();
    String sent = address();
    String waiting = address();
    outbox.enqueue(mail(interrupted));
    outbox.enqueue(mail(sent));
    outbox.enqueue(mail(waiting));
    // As a kill -9 leaves them: one claimed an hour ago and never finished, one finished.
    sql(
        "UPDATE mail_outbox SET state = 'SENDING', attempts = 1,"
            + " claimed_at = NOW(3) - INTERVAL 1 HOUR WHERE recipient = ?",
        interrupted);
    sql(
        "UPDATE mail_outbox SET state = 'SENT', attempts = 1, sent_at = NOW(3)"
            + " WHERE recipient = ?",
        sent);
    String messageId = (String) column("message_id", interrupted);
    try (TestMailServer smtp = TestMailServer.start()) {
      sender.sendDue();
      sender.sendDue();
      assertEquals(1, smtp.to(interrupted).size());
      assertEquals(messageId, smtp.to(interrupted).get(0).getMessageID());
      assertEquals(1, smtp.to(waiting).size());
      assertTrue(smtp.to(sent).isEmpty(), "a mail marked sent is never sent again");
    }
  }

  @Test
  void twoSendersAtOnceSendEachMailOnce() throws Exception {
    List<String> addresses =
        java.util.stream.IntStream.range(0, 12).mapToObj(i -> address()).toList();
    addresses.forEach(a -> outbox.enqueue(mail(a)));
    try (TestMailServer smtp = TestMailServer.start()) {
      AtOnce.run(2, i -> sender.sendDue());
      for (String a : addresses) {
        assertEquals(1, smtp.to(a).size(), a);
      }
      Set<String> ids =
          smtp.received().stream()
              .map(
                  m -> {
                    try {
                      return m.getMessageID();
                    } catch (jakarta.mail.MessagingException e) {
                      throw new IllegalStateException(e);
                    }
                  })
              .collect(Collectors.toSet());
      assertEquals(smtp.received().size(), ids.size(), "no message twice");
    }
  }

  @Test
  void aMailOfADayIsQueuedOnceAndAnAddressThatIsNotOneIsRefused() throws Exception {
    String to = address();
    String key = "test-digest:" + to + ":2026-12-02";
    assertTrue(outbox.enqueue(mail(to).once(key)));
    assertFalse(outbox.enqueue(mail(to).once(key)), "the same key again");
    assertTrue(outbox.queued(key));
    assertFalse(Outbox.isAddress("ikke en adresse"));
    assertFalse(Outbox.isAddress(" "));
    assertTrue(Outbox.isAddress("søren@kommune.example"));
    assertThrows(Exception.class, () -> outbox.enqueue(mail("ikke en adresse")));
  }

  @Test
  void aMailWithAnAttachmentArrivesWithItAndAGivenUpMailCanBeSentAgain() throws Exception {
    String to = address();
    byte[] report = "Rapport\n".getBytes(StandardCharsets.UTF_8);
    outbox.enqueue(
        mail(to)
            .with(
                new OutgoingMail.Attachment(
                    "Rapport december 2026.xlsx", "application/octet-stream", report)));
    sql("UPDATE mail_outbox SET state = 'FAILED', attempts = 10 WHERE recipient = ?", to);
    long id = ((Number) column("id", to)).longValue();
    assertTrue(outbox.counts().get(MailState.FAILED) >= 1);
    try (TestMailServer smtp = TestMailServer.start()) {
      sender.sendDue();
      assertTrue(smtp.to(to).isEmpty(), "a failed mail stays until someone asks");
      assertTrue(outbox.retry(id));
      assertFalse(outbox.retry(id), "only a failed mail");
      sender.sendDue();
      MimeMessage got = smtp.to(to).get(0);
      MimeMultipart parts = (MimeMultipart) got.getContent();
      assertEquals(2, parts.getCount());
      assertEquals(
          "Rapport december 2026.xlsx",
          jakarta.mail.internet.MimeUtility.decodeText(parts.getBodyPart(1).getFileName()));
    }
  }
}

package dk.medborger.lms.mail.control;

import dk.medborger.lms.platform.StartupOrder;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers the outbox to the SMTP server of {@code MEDBORGER_SMTP_HOST}: every few seconds (one run
 * at a time) it releases mails whose sender died mid-send, then claims and sends the due mails one
 * by one. A mail is marked SENDING before the SMTP conversation and SENT after it; every mail keeps
 * the Message-ID it was given when it was queued, so the rare one sent again after a crash between
 * the server's "OK" and our commit is the same message to the recipient's mail program (ADR 31).
 * Without a host nothing is sent and mails wait in the outbox.
 */
@ApplicationScoped
public class MailSender {

  private static final Logger LOG = Logger.getLogger(MailSender.class.getName());

  @Inject
  @ConfigProperty(name = "medborger.smtp.host")
  Optional<String> host;

  @Inject
  @ConfigProperty(name = "medborger.smtp.port", defaultValue = "587")
  int port;

  @Inject
  @ConfigProperty(name = "medborger.smtp.user")
  Optional<String> user;

  @Inject
  @ConfigProperty(name = "medborger.smtp.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "medborger.smtp.starttls", defaultValue = "true")
  boolean startTls;

  @Inject
  @ConfigProperty(name = "medborger.mail.from", defaultValue = "Medborger LMS <noreply@localhost>")
  String from;

  @Inject
  @ConfigProperty(name = "medborger.mail.poll-seconds", defaultValue = "15")
  int pollSeconds;

  @Inject OutboxRows rows;

  @Resource ManagedScheduledExecutorService scheduler;

  private volatile Session session;

  void start(
      @Observes @Priority(StartupOrder.MAIL) @Initialized(ApplicationScoped.class) Object ready) {
    if (!configured()) {
      LOG.info(
          "MEDBORGER_SMTP_HOST is not set: mails stay in the outbox (see /admin/outbox.xhtml)");
      return;
    }
    if (pollSeconds <= 0) {
      LOG.info("MEDBORGER_MAIL_POLL_SECONDS is 0: the outbox is not sent in the background");
      return;
    }
    // A fixed delay: one run at a time, the next one a pause after the last ended.
    scheduler.scheduleWithFixedDelay(this::sendDueQuietly, 5, pollSeconds, TimeUnit.SECONDS);
  }

  /** Whether an SMTP server is configured. */
  public boolean configured() {
    return host.filter(h -> !h.isBlank()).isPresent();
  }

  private void sendDueQuietly() {
    try {
      sendDue();
    } catch (RuntimeException e) {
      // The database may be away for a moment; the next run tries again.
      LOG.log(Level.WARNING, "the outbox could not be sent now", e);
    }
  }

  /**
   * Sends every mail that is due now and returns how many the SMTP server took. Mails that fail
   * wait for their next attempt; none is lost.
   */
  public int sendDue() {
    if (!configured()) {
      return 0;
    }
    int released = rows.releaseStale();
    if (released > 0) {
      LOG.warning(() -> released + " mail(s) whose sending was interrupted will be sent again");
    }
    int sent = 0;
    for (Optional<ClaimedMail> next = rows.claimNext(); next.isPresent(); next = rows.claimNext()) {
      ClaimedMail mail = next.get();
      try {
        Transport.send(message(mail));
        rows.sent(mail.id());
        sent++;
      } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
        boolean refused =
            e instanceof SendFailedException failed
                && failed.getInvalidAddresses() != null
                && failed.getInvalidAddresses().length > 0;
        rows.failed(mail.id(), mail.attempts(), refused, String.valueOf(e));
        LOG.warning(
            () -> "mail " + mail.id() + " not sent (attempt " + mail.attempts() + "): " + e);
      }
    }
    return sent;
  }

  private MimeMessage message(ClaimedMail mail)
      throws MessagingException, UnsupportedEncodingException {
    MimeMessage message = new KeptIdMessage(session(), mail.messageId());
    message.setFrom(new InternetAddress(from, true));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
    message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
    message.setSentDate(new Date());
    if (mail.attachment() == null) {
      message.setText(mail.body(), StandardCharsets.UTF_8.name());
    } else {
      MimeBodyPart text = new MimeBodyPart();
      text.setText(mail.body(), StandardCharsets.UTF_8.name());
      MimeBodyPart file = new MimeBodyPart();
      file.setDataHandler(
          new jakarta.activation.DataHandler(
              new ByteArrayDataSource(mail.attachment(), mail.attachmentType())));
      file.setFileName(
          jakarta.mail.internet.MimeUtility.encodeText(
              mail.attachmentName(), StandardCharsets.UTF_8.name(), null));
      message.setContent(new MimeMultipart(text, file));
    }
    return message;
  }

  private Session session() {
    Session made = session;
    if (made == null) {
      Properties p = new Properties();
      p.put("mail.transport.protocol", "smtp");
      p.put("mail.smtp.host", host.orElseThrow());
      p.put("mail.smtp.port", String.valueOf(port));
      p.put("mail.smtp.connectiontimeout", "10000");
      p.put("mail.smtp.timeout", "20000");
      p.put("mail.smtp.writetimeout", "20000");
      p.put("mail.smtp.starttls.enable", String.valueOf(startTls));
      p.put("mail.smtp.starttls.required", String.valueOf(startTls));
      boolean auth = user.filter(u -> !u.isBlank()).isPresent();
      p.put("mail.smtp.auth", String.valueOf(auth));
      made =
          auth
              ? Session.getInstance(
                  p,
                  new jakarta.mail.Authenticator() {
                    @Override
                    protected jakarta.mail.PasswordAuthentication getPasswordAuthentication() {
                      return new jakarta.mail.PasswordAuthentication(
                          user.orElseThrow(), password.orElse(""));
                    }
                  })
              : Session.getInstance(p);
      session = made;
    }
    return made;
  }

  /** A message that keeps the Message-ID given when it was queued, also when sent again. */
  private static final class KeptIdMessage extends MimeMessage {
    private final String id;

    KeptIdMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }
}

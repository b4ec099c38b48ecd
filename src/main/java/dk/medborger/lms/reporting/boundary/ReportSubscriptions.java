package dk.medborger.lms.reporting.boundary;

import dk.medborger.lms.identity.boundary.UserAccounts;
import dk.medborger.lms.identity.boundary.UserAccounts.MailContact;
import dk.medborger.lms.mail.boundary.Outbox;
import dk.medborger.lms.mail.boundary.OutgoingMail;
import dk.medborger.lms.platform.Clocks;
import dk.medborger.lms.platform.ForbiddenException;
import dk.medborger.lms.platform.NotFoundException;
import dk.medborger.lms.platform.PublicAddress;
import dk.medborger.lms.platform.ScheduledJobs;
import dk.medborger.lms.platform.SqlValues;
import dk.medborger.lms.platform.StartupOrder;
import dk.medborger.lms.platform.Texts;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * HR's monthly report by mail: a subscription keeps a course and a report filter, and on the first
 * of every month (from {@link #AT}, Danish time) the report of that filter goes to the subscriber
 * as XLSX through the mail outbox, made within the scope the subscriber has at that moment. A check
 * every quarter of an hour queues the month's mails that are missing, so a month is sent also when
 * the server was down on the first; the outbox's key makes each go once.
 *
 * <pre>
 * long id = subscriptions.subscribe(hrUserId, filter);
 * subscriptions.queue(YearMonth.of(2027, 1)); // what the scheduled check does on 1 January
 * </pre>
 */
@ApplicationScoped
@Transactional
public class ReportSubscriptions {

  private static final Logger LOG = Logger.getLogger(ReportSubscriptions.class.getName());

  /** When the month's report goes, on the first of the month, Danish time. */
  public static final LocalTime AT = LocalTime.of(6, 0);

  /** The most subscriptions one HR user keeps. */
  public static final int MOST = 20;

  /** The outbox's kind of a monthly report. */
  public static final String KIND = "MONTHLY_REPORT";

  @PersistenceContext EntityManager em;

  @Inject CompletionReports reports;

  @Inject ReportExports exports;

  @Inject UserAccounts accounts;

  @Inject Outbox outbox;

  @Inject PublicAddress address;

  @Inject ScheduledJobs jobs;

  @Inject Clock clock;

  @Inject ReportSubscriptions self;

  /** A subscription as its owner sees it. */
  public record Subscription(long id, long courseId, String filterQuery, Instant createdAt) {}

  void start(
      @Observes @Priority(StartupOrder.MAIL) @Initialized(ApplicationScoped.class) Object ready) {
    jobs.every(Duration.ofMinutes(15), "the monthly reports", self::queueDue);
  }

  /**
   * Subscribes the HR user to the monthly report of {@code filter} (a course must be chosen); the
   * filter is checked as the report page checks it, so a filter outside the scope is refused (403).
   * The same subscription again is the one there is.
   */
  public long subscribe(long hrUserId, ReportFilter filter) {
    if (filter.courseId() == null || !filter.problems().isEmpty()) {
      throw new IllegalArgumentException("a course and a filter that can be read");
    }
    reports.report(hrUserId, filter);
    String query = filter.query();
    for (Subscription s : of(hrUserId)) {
      if (s.filterQuery().equals(query)) {
        return s.id();
      }
    }
    if (of(hrUserId).size() >= MOST) {
      throw new IllegalStateException("at most " + MOST + " subscriptions");
    }
    em.createNativeQuery(
            "INSERT INTO report_subscription (user_id, course_id, filter_query, created_at)"
                + " VALUES (?, ?, ?, ?)")
        .setParameter(1, hrUserId)
        .setParameter(2, filter.courseId())
        .setParameter(3, query)
        .setParameter(4, Timestamp.from(clock.instant()))
        .executeUpdate();
    return ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
  }

  /** The user's subscriptions that are not cancelled, oldest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Subscription> of(long hrUserId) {
    List<Subscription> list = new ArrayList<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT id, course_id, filter_query, created_at FROM report_subscription"
                    + " WHERE user_id = ? AND cancelled_at IS NULL ORDER BY id")
            .setParameter(1, hrUserId)
            .getResultList()) {
      Object[] r = (Object[]) row;
      list.add(
          new Subscription(
              ((Number) r[0]).longValue(),
              ((Number) r[1]).longValue(),
              (String) r[2],
              SqlValues.instant(r[3])));
    }
    return list;
  }

  /** Cancels one of the user's own subscriptions; 404 for anyone else's or one cancelled. */
  public void cancel(long hrUserId, long subscriptionId) {
    int rows =
        em.createNativeQuery(
                "UPDATE report_subscription SET cancelled_at = ?"
                    + " WHERE id = ? AND user_id = ? AND cancelled_at IS NULL")
            .setParameter(1, Timestamp.from(clock.instant()))
            .setParameter(2, subscriptionId)
            .setParameter(3, hrUserId)
            .executeUpdate();
    if (rows == 0) {
      throw new NotFoundException("subscription " + subscriptionId);
    }
  }

  /** Queues the current month's reports that are due and not yet queued. */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public int queueDue() {
    ZonedDateTime now = clock.instant().atZone(Clocks.DANISH_TIME);
    YearMonth month = YearMonth.from(now);
    return now.isBefore(sendTime(month)) ? queue(month.minusMonths(1)) : queue(month);
  }

  /**
   * Queues {@code month}'s report of every subscription made before that month's send time; each in
   * a transaction of its own, so one that cannot be made (the subscriber has lost their scope) does
   * not hold up the others. Returns how many were queued.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public int queue(YearMonth month) {
    Instant sendTime = sendTime(month).toInstant();
    List<?> due =
        em.createNativeQuery(
                "SELECT id FROM report_subscription WHERE cancelled_at IS NULL AND created_at < ?"
                    + " ORDER BY id")
            .setParameter(1, Timestamp.from(sendTime))
            .getResultList();
    int queued = 0;
    for (Object id : due) {
      try {
        if (self.queueOne(((Number) id).longValue(), month)) {
          queued++;
        }
      } catch (ForbiddenException | NotFoundException e) {
        LOG.info(() -> "monthly report of subscription " + id + " not sent: " + e.getMessage());
      }
    }
    return queued;
  }

  /** Queues one subscription's report of {@code month}, unless it was queued before. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean queueOne(long subscriptionId, YearMonth month) {
    String key = "report:" + subscriptionId + ":" + month;
    if (outbox.queued(key)) {
      return false;
    }
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT user_id, filter_query FROM report_subscription WHERE id = ?")
                .setParameter(1, subscriptionId)
                .getSingleResult();
    long hr = ((Number) row[0]).longValue();
    MailContact owner = accounts.contact(hr).orElse(null);
    if (owner == null || !Outbox.isAddress(owner.email())) {
      return false;
    }
    ReportFilter filter = ReportFilter.ofQuery((String) row[1]);
    CompletionReports.Report report = reports.report(hr, filter);
    Texts texts = Texts.in(owner.language());
    ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
    try {
      exports.xlsx(hr, filter, texts::get, xlsx);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LocalDate day = month.atDay(1);
    String date =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(texts.locale()).format(day);
    String text =
        texts.letter(
            owner.name(),
            "mail.monthly.text",
            report.course().title(),
            date,
            address.of("/hr/index.xhtml?" + filter.query()),
            address.of("/hr/subscriptions.xhtml"));
    return outbox.enqueue(
        OutgoingMail.to(
                owner.email(),
                hr,
                KIND,
                texts.get("mail.monthly.subject", report.course().title(), date),
                text)
            .once(key)
            .with(
                new OutgoingMail.Attachment(
                    "gennemfoerelse-" + day + ".xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    xlsx.toByteArray())));
  }

  private static ZonedDateTime sendTime(YearMonth month) {
    return month.atDay(1).atTime(AT).atZone(Clocks.DANISH_TIME);
  }
}

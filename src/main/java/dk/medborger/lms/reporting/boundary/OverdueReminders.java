package dk.medborger.lms.reporting.boundary;

import dk.medborger.lms.courses.boundary.CourseCatalog;
import dk.medborger.lms.identity.boundary.UserAccounts;
import dk.medborger.lms.identity.boundary.UserAccounts.MailContact;
import dk.medborger.lms.mail.boundary.Outbox;
import dk.medborger.lms.mail.boundary.OutgoingMail;
import dk.medborger.lms.platform.Clocks;
import dk.medborger.lms.platform.PublicAddress;
import dk.medborger.lms.platform.SqlValues;
import dk.medborger.lms.platform.Texts;
import dk.medborger.lms.reporting.boundary.CompletionReports.PersonRow;
import dk.medborger.lms.reporting.control.ReportSql.PeopleOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reminders to learners who are behind a course's due date, sent by HR within their scope: each one
 * a mail through the outbox in the learner's language, at most one per person and course a week,
 * and a record of who sent it when.
 *
 * <pre>
 * List&lt;Candidate&gt; overdue = reminders.overdue(hrUserId, filter);
 * Sent sent = reminders.remind(hrUserId, filter, Set.of(personId));
 * </pre>
 */
@ApplicationScoped
@Transactional
public class OverdueReminders {

  /** The shortest time between two reminders to one person about one course. */
  public static final Duration AT_MOST_EVERY = Duration.ofDays(7);

  /** The most people one page of reminders lists and one click reminds. */
  public static final int MOST_AT_ONCE = 2000;

  /** The outbox's kind of a reminder. */
  public static final String KIND = "OVERDUE_REMINDER";

  @PersistenceContext EntityManager em;

  @Inject CompletionReports reports;

  @Inject CourseCatalog catalog;

  @Inject UserAccounts accounts;

  @Inject Outbox outbox;

  @Inject PublicAddress address;

  @Inject Clock clock;

  /** An overdue person who can be reminded, and when they last were (null: never). */
  public record Candidate(PersonRow person, Instant lastReminded, boolean reachable) {

    /** Whether a reminder may go now: none within the last week, and an address to send it to. */
    public boolean remindable(Instant now) {
      return reachable && (lastReminded == null || !lastReminded.plus(AT_MOST_EVERY).isAfter(now));
    }
  }

  /** What one click did: reminders sent, and those left out and why. */
  public record Sent(int sent, int recentlyReminded, int noAddress, int notOverdue) {}

  /**
   * The overdue people of the filter (its status is replaced by overdue), in Danish name order, at
   * most {@link #MOST_AT_ONCE}; 403 outside the caller's scope, as for the report.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Candidate> overdue(long hrUserId, ReportFilter filter) {
    List<PersonRow> people =
        reports
            .people(
                hrUserId,
                filter.with(ReportFilter.Status.OVERDUE),
                PeopleOrder.NAME,
                false,
                0,
                MOST_AT_ONCE)
            .rows();
    Map<Long, Instant> last = lastReminders(filter.courseId(), people);
    return people.stream()
        .map(
            p ->
                new Candidate(
                    p,
                    last.get(p.userId()),
                    accounts
                        .contact(p.userId())
                        .map(c -> Outbox.isAddress(c.email()))
                        .orElse(false)))
        .toList();
  }

  /**
   * Reminds the chosen people among the filter's overdue ones. Anyone chosen who is not overdue in
   * the filter, or not in the caller's scope, is counted as not overdue and left alone; someone
   * reminded within the week is skipped. Each reminder takes the enrolment's lock first (ADR 10),
   * so two HR users clicking at once remind a person once.
   */
  public Sent remind(long hrUserId, ReportFilter filter, Set<Long> chosen) {
    Instant now = clock.instant();
    Map<Long, Candidate> overdue = new HashMap<>();
    for (Candidate c : overdue(hrUserId, filter)) {
      overdue.put(c.person().userId(), c);
    }
    int sent = 0;
    int recent = 0;
    int noAddress = 0;
    int notOverdue = 0;
    String course = catalog.outline(filter.courseId()).title();
    for (long personId : chosen) {
      Candidate candidate = overdue.get(personId);
      if (candidate == null) {
        notOverdue++;
        continue;
      }
      long enrolment = lockEnrolment(personId, filter.courseId());
      Instant last = lastReminder(enrolment);
      if (last != null && last.plus(AT_MOST_EVERY).isAfter(now)) {
        recent++;
        continue;
      }
      MailContact learner = accounts.contact(personId).orElse(null);
      if (learner == null || !Outbox.isAddress(learner.email())) {
        noAddress++;
        continue;
      }
      outbox.enqueue(mail(learner, course, filter.courseId(), candidate.person()));
      em.createNativeQuery(
              "INSERT INTO overdue_reminder (enrolment_id, sent_by, sent_at) VALUES (?, ?, ?)")
          .setParameter(1, enrolment)
          .setParameter(2, hrUserId)
          .setParameter(3, Timestamp.from(now))
          .executeUpdate();
      sent++;
    }
    return new Sent(sent, recent, noAddress, notOverdue);
  }

  private OutgoingMail mail(MailContact learner, String course, long courseId, PersonRow person) {
    Texts texts = Texts.in(learner.language());
    LocalDate due = person.dueDate();
    LocalDate today = LocalDate.now(clock.withZone(Clocks.DANISH_TIME));
    long daysLate = java.time.temporal.ChronoUnit.DAYS.between(due, today);
    String text =
        texts.letter(
            learner.name(),
            "mail.reminder.text",
            course,
            DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(texts.locale())
                .format(due),
            daysLate,
            person.progressPercent(),
            address.of("/learner/course.xhtml?id=" + courseId));
    return OutgoingMail.to(
        learner.email(), learner.userId(), KIND, texts.get("mail.reminder.subject", course), text);
  }

  private long lockEnrolment(long userId, long courseId) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT id FROM enrolment WHERE user_id = ? AND course_id = ? FOR UPDATE")
                .setParameter(1, userId)
                .setParameter(2, courseId)
                .getSingleResult())
        .longValue();
  }

  private Instant lastReminder(long enrolmentId) {
    Object last =
        em.createNativeQuery("SELECT MAX(sent_at) FROM overdue_reminder WHERE enrolment_id = ?")
            .setParameter(1, enrolmentId)
            .getSingleResult();
    return SqlValues.instant(last);
  }

  private Map<Long, Instant> lastReminders(Long courseId, List<PersonRow> people) {
    Map<Long, Instant> last = new HashMap<>();
    if (people.isEmpty()) {
      return last;
    }
    List<?> rows =
        em.createNativeQuery(
                "SELECT e.user_id, MAX(r.sent_at) FROM overdue_reminder r"
                    + " JOIN enrolment e ON e.id = r.enrolment_id"
                    + " WHERE e.course_id = ? GROUP BY e.user_id")
            .setParameter(1, courseId)
            .getResultList();
    for (Object row : rows) {
      Object[] r = (Object[]) row;
      last.put(((Number) r[0]).longValue(), SqlValues.instant(r[1]));
    }
    return last;
  }
}

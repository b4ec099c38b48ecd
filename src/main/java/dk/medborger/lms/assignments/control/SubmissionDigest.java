package dk.medborger.lms.assignments.control;

import dk.medborger.lms.assignments.boundary.AssignmentGrading;
import dk.medborger.lms.identity.boundary.UserAccounts;
import dk.medborger.lms.identity.boundary.UserAccounts.MailContact;
import dk.medborger.lms.mail.boundary.Outbox;
import dk.medborger.lms.mail.boundary.OutgoingMail;
import dk.medborger.lms.platform.Clocks;
import dk.medborger.lms.platform.PublicAddress;
import dk.medborger.lms.platform.ScheduledJobs;
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
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The instructor's daily digest: one mail a morning with the work handed in over the last day in
 * the courses they teach, per assignment, instead of a mail per submission. It counts, never names,
 * so blind grading has nothing to leak here. A check every quarter of an hour queues the day's
 * digests once it is past {@link #AT}; the outbox's key makes each one go once, also when the check
 * runs again after a restart or on a second node.
 */
@ApplicationScoped
public class SubmissionDigest {

  /** When the digest of a day goes out, Danish time; it covers the 24 hours before. */
  public static final LocalTime AT = LocalTime.of(7, 0);

  /** The outbox's kind of a digest. */
  public static final String KIND = "SUBMISSION_DIGEST";

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject Outbox outbox;

  @Inject UserAccounts accounts;

  @Inject AssignmentGrading grading;

  @Inject PublicAddress address;

  @Inject SubmissionDigest self;

  @Inject ScheduledJobs jobs;

  /** New work in one assignment, for one instructor. */
  record NewWork(long instructorId, String course, String assignment, long count, long late) {}

  void start(
      @Observes @Priority(StartupOrder.MAIL) @Initialized(ApplicationScoped.class) Object ready) {
    jobs.every(Duration.ofMinutes(15), "the instructors' digest", self::queueDue);
  }

  /** Queues the latest day's digests that are due (today's after 07:00, else yesterday's). */
  @Transactional
  public int queueDue() {
    ZonedDateTime now = clock.instant().atZone(Clocks.DANISH_TIME);
    return queue(
        now.toLocalTime().isBefore(AT) ? now.toLocalDate().minusDays(1) : now.toLocalDate());
  }

  /**
   * Queues the digests of {@code day} (the work handed in from 07:00 the day before until 07:00
   * that day) for every instructor who has some and a mail address; returns how many were queued.
   */
  @Transactional
  public int queue(LocalDate day) {
    Instant to = day.atTime(AT).atZone(Clocks.DANISH_TIME).toInstant();
    Instant from = day.minusDays(1).atTime(AT).atZone(Clocks.DANISH_TIME).toInstant();
    Map<Long, List<NewWork>> byInstructor = new LinkedHashMap<>();
    for (NewWork work : newWork(from, to)) {
      byInstructor.computeIfAbsent(work.instructorId(), k -> new ArrayList<>()).add(work);
    }
    int queued = 0;
    for (Map.Entry<Long, List<NewWork>> each : byInstructor.entrySet()) {
      String key = "digest:" + each.getKey() + ":" + day;
      MailContact instructor = accounts.contact(each.getKey()).orElse(null);
      if (instructor == null || !Outbox.isAddress(instructor.email()) || outbox.queued(key)) {
        continue;
      }
      if (outbox.enqueue(mail(instructor, each.getValue()).once(key))) {
        queued++;
      }
    }
    return queued;
  }

  private OutgoingMail mail(MailContact instructor, List<NewWork> works) {
    Texts texts = Texts.in(instructor.language());
    long total = works.stream().mapToLong(NewWork::count).sum();
    StringBuilder lines = new StringBuilder();
    for (NewWork w : works) {
      lines
          .append("- ")
          .append(texts.get("mail.digest.line", w.assignment(), w.course(), w.count(), w.late()))
          .append('\n');
    }
    String text =
        texts.letter(
            instructor.name(),
            "mail.digest.text",
            total,
            lines.toString().stripTrailing(),
            grading.waiting(instructor.userId()),
            address.of("/instructor/queue.xhtml"));
    return OutgoingMail.to(
        instructor.email(),
        instructor.userId(),
        KIND,
        texts.get("mail.digest.subject", total),
        text);
  }

  private List<NewWork> newWork(Instant from, Instant to) {
    List<NewWork> works = new ArrayList<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT ci.user_id, c.title, a.title, COUNT(*), SUM(v.late)"
                    + " FROM submission_version v JOIN submission s ON s.id = v.submission_id"
                    + " JOIN activity a ON a.id = s.assignment_id"
                    + " JOIN course_module m ON m.id = a.module_id JOIN course c ON c.id = m.course_id"
                    + " JOIN course_instructor ci ON ci.course_id = c.id"
                    + " WHERE v.submitted_at >= ? AND v.submitted_at < ?"
                    + " GROUP BY ci.user_id, c.id, c.title, m.position, a.id, a.position, a.title"
                    + " ORDER BY ci.user_id, c.title, m.position, a.position")
            .setParameter(1, Timestamp.from(from))
            .setParameter(2, Timestamp.from(to))
            .getResultList()) {
      Object[] r = (Object[]) row;
      works.add(
          new NewWork(
              ((Number) r[0]).longValue(),
              (String) r[1],
              (String) r[2],
              ((Number) r[3]).longValue(),
              ((Number) r[4]).longValue()));
    }
    return works;
  }
}

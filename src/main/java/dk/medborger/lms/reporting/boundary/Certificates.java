package dk.medborger.lms.reporting.boundary;

import dk.medborger.lms.courses.boundary.CourseCatalog;
import dk.medborger.lms.courses.boundary.CourseOutline;
import dk.medborger.lms.identity.boundary.ReportScope;
import dk.medborger.lms.identity.boundary.ReportScopes;
import dk.medborger.lms.platform.ForbiddenException;
import dk.medborger.lms.platform.NotFoundException;
import dk.medborger.lms.progress.boundary.CourseCompleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Course certificates: issued when a learner completes a course (in the same transaction), or the
 * first time they are asked for should one ever be missing (a course completed before certificates
 * existed); verified by anyone with the code (name, course and date only); revoked by HR within
 * their scope, with a reason, never deleted.
 *
 * <pre>
 * Optional&lt;Certificate&gt; mine = certificates.ofLearner(userId, courseId); // issued if due
 * Verification v = certificates.verify(code);
 * </pre>
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Certificates {

  private static final Logger LOG = Logger.getLogger(Certificates.class.getName());

  /** Codes: 26 characters of Crockford's base 32, 130 bits of randomness; no 0/O or 1/I mix-ups. */
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext EntityManager em;

  @Inject CourseCatalog catalog;

  @Inject ReportScopes scopes;

  @Inject Clock clock;

  /** An issued certificate. */
  public record Certificate(
      long id,
      long userId,
      long courseId,
      String code,
      String learnerName,
      String courseTitle,
      int courseMinutes,
      String organisation,
      Instant completedAt,
      Instant issuedAt,
      Instant revokedAt,
      String revokeReason) {

    public boolean revoked() {
      return revokedAt != null;
    }
  }

  /**
   * What the public verification page may show: whether the code is valid, and only the name, the
   * course and the date (nothing about the person's organisation or results).
   */
  public record Verification(
      boolean found, boolean revoked, String name, String course, Instant completedAt) {}

  /**
   * Issues the certificate of a completed course, once, in the transaction that completes it: the
   * certificate exists if and only if the completion was committed. (Not after the commit with
   * {@code REQUIRES_NEW}: the committed transaction is then still the thread's, and suspending and
   * resuming it failed now and then; nor on another thread, whose end closed the caller's entity
   * managers.) Should it ever be missing, it is issued the first time it is asked for.
   */
  @Transactional
  public void issue(@Observes CourseCompleted done) {
    // The enrolment's new state is read back by SQL below.
    em.flush();
    issueIfDue(done.userId(), done.courseId());
  }

  /**
   * The learner's certificate of the course, issued now if the course is completed and it was not
   * yet; empty when the course is not completed.
   */
  @Transactional
  public Optional<Certificate> ofLearner(long userId, long courseId) {
    Optional<Certificate> issued = find(userId, courseId);
    return issued.isPresent() ? issued : issueIfDue(userId, courseId);
  }

  private Optional<Certificate> issueIfDue(long userId, long courseId) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT u.full_name, e.completed_at, ou.name, m.name FROM enrolment e"
                    + " JOIN app_user u ON u.id = e.user_id LEFT JOIN org_unit ou ON ou.id = u.unit_id"
                    + " LEFT JOIN municipality m ON m.id = ou.municipality_id"
                    + " WHERE e.user_id = ? AND e.course_id = ? AND e.status = 'COMPLETED'")
            .setParameter(1, userId)
            .setParameter(2, courseId)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    CourseOutline course = catalog.outline(courseId);
    String organisation =
        row[2] == null ? null : row[3] == null ? (String) row[2] : row[2] + ", " + row[3];
    // INSERT IGNORE: issued at the same moment by another request, the unique key keeps it one.
    em.createNativeQuery(
            "INSERT IGNORE INTO certificate (user_id, course_id, code, learner_name, course_title,"
                + " course_minutes, organisation, completed_at, issued_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, userId)
        .setParameter(2, courseId)
        .setParameter(3, code())
        .setParameter(4, row[0])
        .setParameter(5, course.title())
        .setParameter(6, course.minutes())
        .setParameter(7, organisation)
        .setParameter(8, row[1])
        .setParameter(9, Timestamp.from(clock.instant()))
        .executeUpdate();
    return find(userId, courseId);
  }

  /**
   * The learner's certificate as a PDF in Danish; {@code text} gives the texts by bundle key and
   * {@code verifyBase} is the address the code is appended to (".../verify/"). Empty when the
   * course is not completed.
   */
  @Transactional
  public Optional<byte[]> pdf(
      long userId,
      long courseId,
      java.util.function.Function<String, String> text,
      String verifyBase) {
    return ofLearner(userId, courseId)
        .map(
            c -> {
              java.time.format.DateTimeFormatter day =
                  java.time.format.DateTimeFormatter.ofPattern(
                          "d. MMMM yyyy", new java.util.Locale("da"))
                      .withZone(dk.medborger.lms.platform.Clocks.DANISH_TIME);
              String hours =
                  java.math.BigDecimal.valueOf(c.courseMinutes())
                      .divide(java.math.BigDecimal.valueOf(60), 1, java.math.RoundingMode.HALF_UP)
                      .stripTrailingZeros()
                      .toPlainString()
                      .replace('.', ',');
              java.util.List<String> lines = new java.util.ArrayList<>();
              lines.add(text.apply("certificate.course") + " " + c.courseTitle());
              lines.add(text.apply("certificate.completed") + " " + day.format(c.completedAt()));
              lines.add(text.apply("certificate.hours") + " " + hours);
              if (c.organisation() != null) {
                lines.add(c.organisation());
              }
              return dk.medborger.lms.reporting.control.CertificatePdf.render(
                  new dk.medborger.lms.reporting.control.CertificatePdf.Texts(
                      text.apply("certificate.title") + " – " + c.courseTitle(),
                      text.apply("certificate.heading"),
                      text.apply("certificate.certifies"),
                      c.learnerName(),
                      lines.toArray(String[]::new),
                      text.apply("certificate.code") + " " + c.code()),
                  verifyBase + c.code());
            });
  }

  /** What the code's certificate says, for the public page; not found for an unknown code. */
  public Verification verify(String code) {
    if (code == null || !code.matches("[0-9A-Z]{26}")) {
      return new Verification(false, false, null, null, null);
    }
    return byCode(code)
        .map(
            c ->
                new Verification(
                    true, c.revoked(), c.learnerName(), c.courseTitle(), c.completedAt()))
        .orElse(new Verification(false, false, null, null, null));
  }

  /** The certificate of a person HR may see; 403 outside the HR user's scope. */
  public Optional<Certificate> forHr(long hrUserId, long personId, long courseId) {
    requireInScope(hrUserId, personId);
    return ofLearner(personId, courseId);
  }

  /** Revokes a certificate, with a reason (kept, with who and when); 403 outside the scope. */
  @Transactional
  public void revoke(long hrUserId, long certificateId, String reason) {
    if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
      throw new IllegalArgumentException("a reason of 1–500 characters");
    }
    Certificate certificate =
        byQuery("c.id = ?", certificateId)
            .orElseThrow(() -> new NotFoundException("certificate " + certificateId));
    requireInScope(hrUserId, certificate.userId());
    em.createNativeQuery(
            "UPDATE certificate SET revoked_at = ?, revoked_by = ?, revoke_reason = ?"
                + " WHERE id = ? AND revoked_at IS NULL")
        .setParameter(1, Timestamp.from(clock.instant()))
        .setParameter(2, hrUserId)
        .setParameter(3, reason.strip())
        .setParameter(4, certificateId)
        .executeUpdate();
    LOG.info(
        () ->
            "certificate "
                + certificateId
                + " of user "
                + certificate.userId()
                + " revoked by user "
                + hrUserId);
  }

  private void requireInScope(long hrUserId, long personId) {
    ReportScope scope = scopes.of(hrUserId);
    List<?> rows =
        em.createNativeQuery(
                "SELECT ou.municipality_id, u.unit_id FROM app_user u"
                    + " LEFT JOIN org_unit ou ON ou.id = u.unit_id WHERE u.id = ?")
            .setParameter(1, personId)
            .getResultList();
    if (rows.isEmpty()) {
      throw new NotFoundException("person " + personId);
    }
    Object[] place = (Object[]) rows.get(0);
    if (!scope.covers(id(place[0]), id(place[1]))) {
      throw new ForbiddenException("person " + personId);
    }
  }

  private Optional<Certificate> find(long userId, long courseId) {
    return byQuery("c.user_id = ? AND c.course_id = ?", userId, courseId);
  }

  private Optional<Certificate> byCode(String code) {
    return byQuery("c.code = ?", code);
  }

  private Optional<Certificate> byQuery(String where, Object... parameters) {
    jakarta.persistence.Query query =
        em.createNativeQuery(
            "SELECT c.id, c.user_id, c.course_id, c.code, c.learner_name, c.course_title,"
                + " c.course_minutes, c.organisation, c.completed_at, c.issued_at, c.revoked_at,"
                + " c.revoke_reason FROM certificate c WHERE "
                + where);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    List<?> rows = query.getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = (Object[]) rows.get(0);
    return Optional.of(
        new Certificate(
            ((Number) r[0]).longValue(),
            ((Number) r[1]).longValue(),
            ((Number) r[2]).longValue(),
            (String) r[3],
            (String) r[4],
            (String) r[5],
            ((Number) r[6]).intValue(),
            (String) r[7],
            CompletionReports.instant(r[8]),
            CompletionReports.instant(r[9]),
            CompletionReports.instant(r[10]),
            (String) r[11]));
  }

  private static Long id(Object value) {
    return value == null ? null : ((Number) value).longValue();
  }

  static String code() {
    char[] code = new char[26];
    for (int i = 0; i < code.length; i++) {
      code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(code);
  }
}

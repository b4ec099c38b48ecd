package dk.medborger.lms.assignments.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The grading queue's ids walked in its order (handed in, then id) on the index {@code
 * ix_submission_queue (status, submitted_at)}, one status at a time and merged: MariaDB reads the
 * rows it returns (and those the filter passes over) and never sorts the queue. Written in SQL
 * because the planner, left to itself with the course joins, reads every submission of the courses
 * and sorts them (ADR 34).
 *
 * <pre>
 * List&lt;Long&gt; next = walk.ids(scope, at, id, true, 0, 2);
 * </pre>
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class QueueWalk {

  @PersistenceContext EntityManager em;

  /** What the queue's filter lets through: the courses taught, and the filter's own choices. */
  public record Scope(
      List<Long> courses, Long courseId, Long assignmentId, Boolean late, List<String> statuses) {}

  /**
   * Up to {@code limit} ids after ({@code forward}) or before the key ({@code at}, {@code id}) in
   * the queue's order, skipping {@code offset}; with no key ({@code at} null), from the start.
   * Times must be those of handed-in work (not null), as every waiting submission's is.
   */
  public List<Long> ids(Scope scope, Instant at, Long id, boolean forward, int offset, int limit) {
    int wanted = offset + limit;
    Sql sql = new Sql();
    String order = forward ? " ORDER BY submitted_at, id" : " ORDER BY submitted_at DESC, id DESC";
    for (String status : scope.statuses()) {
      if (!sql.isEmpty()) {
        sql.append(" UNION ALL ");
      }
      sql.append(
              "(SELECT s.id, s.submitted_at FROM submission s FORCE INDEX (ix_submission_queue)"
                  + " WHERE s.status = ?")
          .arg(status);
      condition(scope, sql);
      if (at != null) {
        Timestamp key = Timestamp.from(at);
        sql.append(
                forward
                    ? " AND s.submitted_at >= ? AND (s.submitted_at > ? OR s.id > ?)"
                    : " AND s.submitted_at <= ? AND (s.submitted_at < ? OR s.id < ?)")
            .arg(key)
            .arg(key)
            .arg(id);
      }
      sql.append(
              forward
                  ? " ORDER BY s.submitted_at, s.id"
                  : " ORDER BY s.submitted_at DESC, s.id DESC")
          .append(" LIMIT " + wanted + ")");
    }
    sql.append(order + " LIMIT " + limit + " OFFSET " + offset);
    List<Long> ids = new ArrayList<>();
    for (Object row : sql.query(em).getResultList()) {
      ids.add(((Number) ((Object[]) row)[0]).longValue());
    }
    return List.copyOf(ids);
  }

  /**
   * The queue's counts in one pass over {@code ix_submission_assignment_status}: all, those of
   * {@code status} among them, and for each of {@code times} those handed in at or before it.
   */
  public long[] counts(Scope scope, String status, List<Instant> times) {
    Sql sql = new Sql().append("SELECT COUNT(*), SUM(s.status = ?)").arg(status);
    for (Instant t : times) {
      sql.append(", SUM(s.submitted_at <= ?)").arg(Timestamp.from(t));
    }
    sql.append(" FROM submission s WHERE s.status").in(scope.statuses());
    condition(scope, sql);
    Object[] row = (Object[]) sql.query(em).getSingleResult();
    long[] counts = new long[row.length];
    for (int i = 0; i < row.length; i++) {
      counts[i] = row[i] == null ? 0 : ((Number) row[i]).longValue();
    }
    return counts;
  }

  /** How many of the queue come before the key ({@code at}, {@code id}) in its order. */
  public long before(Scope scope, Instant at, long id) {
    Sql sql =
        new Sql().append("SELECT COUNT(*) FROM submission s WHERE s.status").in(scope.statuses());
    condition(scope, sql);
    Timestamp key = Timestamp.from(at);
    sql.append(" AND s.submitted_at <= ? AND (s.submitted_at < ? OR s.id < ?)")
        .arg(key)
        .arg(key)
        .arg(id);
    return ((Number) sql.query(em).getSingleResult()).longValue();
  }

  /**
   * The filter's conditions: the courses taught, and the course, assignment and late mark chosen.
   */
  private static void condition(Scope scope, Sql sql) {
    sql.append(
            " AND s.assignment_id IN (SELECT a.id FROM activity a JOIN course_module m"
                + " ON m.id = a.module_id WHERE m.course_id")
        .in(scope.courses());
    if (scope.courseId() != null) {
      sql.append(" AND m.course_id = ?").arg(scope.courseId());
    }
    sql.append(")");
    if (scope.assignmentId() != null) {
      sql.append(" AND s.assignment_id = ?").arg(scope.assignmentId());
    }
    if (scope.late() != null) {
      sql.append(" AND s.late = ?").arg(scope.late());
    }
  }

  /** Native SQL as it is written, with its positional arguments in the same order. */
  private static final class Sql {
    private final StringBuilder text = new StringBuilder();
    private final List<Object> args = new ArrayList<>();

    Sql append(String part) {
      text.append(part);
      return this;
    }

    Sql arg(Object value) {
      args.add(value);
      return this;
    }

    /** {@code IN (?, …)} with one argument per value. */
    Sql in(List<?> values) {
      text.append(" IN (");
      for (int i = 0; i < values.size(); i++) {
        text.append(i == 0 ? "?" : ", ?");
        args.add(values.get(i));
      }
      text.append(')');
      return this;
    }

    boolean isEmpty() {
      return text.length() == 0;
    }

    Query query(EntityManager em) {
      Query query = em.createNativeQuery(text.toString());
      for (int i = 0; i < args.size(); i++) {
        query.setParameter(i + 1, args.get(i));
      }
      return query;
    }
  }
}

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
    StringBuilder sql = new StringBuilder();
    List<Object> args = new ArrayList<>();
    String order = forward ? " ORDER BY submitted_at, id" : " ORDER BY submitted_at DESC, id DESC";
    for (String status : scope.statuses()) {
      if (sql.length() > 0) {
        sql.append(" UNION ALL ");
      }
      sql.append(
          "(SELECT s.id, s.submitted_at FROM submission s FORCE INDEX (ix_submission_queue)"
              + " WHERE s.status = ?");
      args.add(status);
      condition(scope, sql, args);
      if (at != null) {
        Timestamp key = Timestamp.from(at);
        sql.append(
            forward
                ? " AND s.submitted_at >= ? AND (s.submitted_at > ? OR s.id > ?)"
                : " AND s.submitted_at <= ? AND (s.submitted_at < ? OR s.id < ?)");
        args.add(key);
        args.add(key);
        args.add(id);
      }
      sql.append(
              forward
                  ? " ORDER BY s.submitted_at, s.id"
                  : " ORDER BY s.submitted_at DESC, s.id DESC")
          .append(" LIMIT ")
          .append(wanted)
          .append(')');
    }
    sql.append(order).append(" LIMIT ").append(limit).append(" OFFSET ").append(offset);
    Query query = em.createNativeQuery(sql.toString());
    for (int i = 0; i < args.size(); i++) {
      query.setParameter(i + 1, args.get(i));
    }
    List<Long> ids = new ArrayList<>();
    for (Object row : query.getResultList()) {
      ids.add(((Number) ((Object[]) row)[0]).longValue());
    }
    return List.copyOf(ids);
  }

  /**
   * The queue's counts in one pass over {@code ix_submission_assignment_status}: all, those of
   * {@code status} among them, and for each of {@code times} those handed in at or before it.
   */
  public long[] counts(Scope scope, String status, List<Instant> times) {
    StringBuilder sql = new StringBuilder("SELECT COUNT(*), SUM(s.status = ?)");
    List<Object> args = new ArrayList<>();
    args.add(status);
    for (Instant t : times) {
      sql.append(", SUM(s.submitted_at <= ?)");
      args.add(Timestamp.from(t));
    }
    sql.append(" FROM submission s WHERE s.status IN (");
    for (int i = 0; i < scope.statuses().size(); i++) {
      sql.append(i == 0 ? "?" : ", ?");
      args.add(scope.statuses().get(i));
    }
    sql.append(')');
    condition(scope, sql, args);
    Query query = em.createNativeQuery(sql.toString());
    for (int i = 0; i < args.size(); i++) {
      query.setParameter(i + 1, args.get(i));
    }
    Object[] row = (Object[]) query.getSingleResult();
    long[] counts = new long[row.length];
    for (int i = 0; i < row.length; i++) {
      counts[i] = row[i] == null ? 0 : ((Number) row[i]).longValue();
    }
    return counts;
  }

  /** How many of the queue come before the key ({@code at}, {@code id}) in its order. */
  public long before(Scope scope, Instant at, long id) {
    StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM submission s WHERE s.status IN (");
    List<Object> args = new ArrayList<>();
    for (int i = 0; i < scope.statuses().size(); i++) {
      sql.append(i == 0 ? "?" : ", ?");
      args.add(scope.statuses().get(i));
    }
    sql.append(')');
    condition(scope, sql, args);
    sql.append(" AND s.submitted_at <= ? AND (s.submitted_at < ? OR s.id < ?)");
    Timestamp key = Timestamp.from(at);
    args.add(key);
    args.add(key);
    args.add(id);
    Query query = em.createNativeQuery(sql.toString());
    for (int i = 0; i < args.size(); i++) {
      query.setParameter(i + 1, args.get(i));
    }
    return ((Number) query.getSingleResult()).longValue();
  }

  private static void condition(Scope scope, StringBuilder sql, List<Object> args) {
    sql.append(
        " AND s.assignment_id IN (SELECT a.id FROM activity a JOIN course_module m"
            + " ON m.id = a.module_id WHERE m.course_id IN (");
    for (int i = 0; i < scope.courses().size(); i++) {
      sql.append(i == 0 ? "?" : ", ?");
      args.add(scope.courses().get(i));
    }
    sql.append(')');
    if (scope.courseId() != null) {
      sql.append(" AND m.course_id = ?");
      args.add(scope.courseId());
    }
    sql.append(')');
    if (scope.assignmentId() != null) {
      sql.append(" AND s.assignment_id = ?");
      args.add(scope.assignmentId());
    }
    if (scope.late() != null) {
      sql.append(" AND s.late = ?");
      args.add(scope.late());
    }
  }
}

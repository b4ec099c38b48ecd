package dk.medborger.lms.reporting.control;

import dk.medborger.lms.identity.boundary.ReportScope;
import dk.medborger.lms.reporting.boundary.ReportFilter;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL of completion reports: one statement per figure set, aggregated in MariaDB over the
 * enrolment rows alone (which keep each learner's course status, percent and quiz average, ADR 4
 * and 15), never entity by entity and never over every progress row. Names sort in Danish order
 * ({@code utf8mb4_danish_ci}: Æ, Ø, Å after Z). Every statement carries the caller's scope in its
 * WHERE clause, so nothing outside it is ever read.
 *
 * <pre>
 * ReportSql sql = ReportSql.of(scope, filter, today, zone);
 * Query q = em.createNativeQuery(sql.figures("m.id", "m.name"));
 * sql.bind(q);
 * </pre>
 */
public final class ReportSql {

  private static final String FROM =
      " FROM enrolment e JOIN app_user u ON u.id = e.user_id"
          + " LEFT JOIN org_unit ou ON ou.id = u.unit_id"
          + " LEFT JOIN municipality m ON m.id = ou.municipality_id ";

  /** The figures of a group of enrolments, in the order {@link Figures#of} reads them. */
  private static final String FIGURES =
      "COUNT(*), SUM(e.status = 'NOT_STARTED'), SUM(e.status = 'IN_PROGRESS'),"
          + " SUM(e.status = 'COMPLETED'), SUM(e.status <> 'COMPLETED' AND e.due_date < ?),"
          + " SUM(e.quiz_percent), MAX(e.last_accessed_at), COUNT(e.quiz_percent)";

  private final String where;
  private final List<Object> whereParameters;
  private final LocalDate today;

  private ReportSql(String where, List<Object> whereParameters, LocalDate today) {
    this.where = where;
    this.whereParameters = whereParameters;
    this.today = today;
  }

  /**
   * The statements for a filter within a scope.
   *
   * @param filter must name a course
   * @param today the day overdue is counted from (Danish time)
   * @param zone how enrolment dates are turned into instants
   */
  public static ReportSql of(ReportScope scope, ReportFilter filter, LocalDate today, ZoneId zone) {
    List<String> conditions = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    conditions.add("e.course_id = ?");
    parameters.add(filter.courseId());
    conditions.add("u.active = TRUE");
    if (!scope.everyone()) {
      List<String> any = new ArrayList<>();
      if (!scope.municipalities().isEmpty()) {
        any.add("ou.municipality_id IN (" + ids(scope.municipalities()) + ")");
      }
      if (!scope.units().isEmpty()) {
        any.add("u.unit_id IN (" + ids(scope.units()) + ")");
      }
      conditions.add(any.isEmpty() ? "FALSE" : "(" + String.join(" OR ", any) + ")");
    }
    if (filter.municipalityId() != null) {
      conditions.add("ou.municipality_id = ?");
      parameters.add(filter.municipalityId());
    }
    if (filter.unitId() != null) {
      conditions.add("u.unit_id = ?");
      parameters.add(filter.unitId());
    }
    if (filter.jobRole() != null) {
      conditions.add("u.job_role = ?");
      parameters.add(filter.jobRole().name());
    }
    if (filter.status() != null) {
      switch (filter.status()) {
        case OVERDUE -> {
          conditions.add("e.status <> 'COMPLETED' AND e.due_date < ?");
          parameters.add(java.sql.Date.valueOf(today));
        }
        default -> {
          conditions.add("e.status = ?");
          parameters.add(filter.status().name());
        }
      }
    }
    if (filter.enrolledFrom() != null) {
      conditions.add("e.enrolled_at >= ?");
      parameters.add(Timestamp.from(filter.enrolledFrom().atStartOfDay(zone).toInstant()));
    }
    if (filter.enrolledTo() != null) {
      conditions.add("e.enrolled_at < ?");
      parameters.add(
          Timestamp.from(filter.enrolledTo().plusDays(1).atStartOfDay(zone).toInstant()));
    }
    if (filter.dueFrom() != null) {
      conditions.add("e.due_date >= ?");
      parameters.add(java.sql.Date.valueOf(filter.dueFrom()));
    }
    if (filter.dueTo() != null) {
      conditions.add("e.due_date <= ?");
      parameters.add(java.sql.Date.valueOf(filter.dueTo()));
    }
    return new ReportSql(" WHERE " + String.join(" AND ", conditions), parameters, today);
  }

  /** Ids written into the statement: they are numbers from the database, never user input. */
  private static String ids(java.util.Set<Long> ids) {
    return ids.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
  }

  /** The figures of all enrolments in the filter: one row. */
  public Statement total() {
    return statement("SELECT " + FIGURES + FROM + where, true);
  }

  /**
   * The figures per group: {@code id} and {@code name} are the group's columns ({@code m.id,
   * m.name} per municipality, {@code ou.id, ou.name} per unit), Danish order.
   */
  public Statement groups(String id, String name) {
    return statement(
        "SELECT "
            + id
            + ", "
            + name
            + ", "
            + FIGURES
            + FROM
            + where
            + " GROUP BY "
            + id
            + ", "
            + name
            + " ORDER BY "
            + name
            + " COLLATE utf8mb4_danish_ci",
        true);
  }

  /** The columns a list of people can be sorted by; names in Danish order. */
  public enum PeopleOrder {
    NAME("u.full_name COLLATE utf8mb4_danish_ci"),
    UNIT("ou.name COLLATE utf8mb4_danish_ci"),
    STATUS("e.status"),
    PROGRESS("e.progress_percent"),
    DUE("e.due_date"),
    QUIZ("e.quiz_percent"),
    ASSIGNMENTS("e.assignments_passed"),
    LAST_ACTIVITY("e.last_accessed_at"),
    COMPLETED("e.completed_at");

    final String column;

    PeopleOrder(String column) {
      this.column = column;
    }
  }

  /** The columns {@link PersonRow#of} reads, in order. */
  private static final String PERSON =
      "u.id, u.full_name, m.name, ou.name, u.job_role, e.status, e.progress_percent,"
          + " e.enrolled_at, e.due_date, e.completed_at, e.last_accessed_at, e.quiz_percent,"
          + " (e.status <> 'COMPLETED' AND e.due_date < ?), e.assignments_passed";

  /** One page of people, sorted (then by name and id, so pages never overlap). */
  public Statement people(PeopleOrder order, boolean descending, int first, int size) {
    String direction = descending ? " DESC" : " ASC";
    return statement(
        "SELECT "
            + PERSON
            + FROM
            + where
            + " ORDER BY "
            + order.column
            + direction
            + ", u.full_name COLLATE utf8mb4_danish_ci, u.id LIMIT "
            + Math.max(1, size)
            + " OFFSET "
            + Math.max(0, first),
        true);
  }

  /**
   * Completions between consecutive {@code boundaries} (instants, oldest first): one row with a
   * count per period, in one scan of the filter's enrolments.
   */
  public Statement completions(List<java.time.Instant> boundaries) {
    List<String> sums = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    for (int i = 0; i + 1 < boundaries.size(); i++) {
      sums.add("SUM(e.completed_at >= ? AND e.completed_at < ?)");
      parameters.add(Timestamp.from(boundaries.get(i)));
      parameters.add(Timestamp.from(boundaries.get(i + 1)));
    }
    parameters.addAll(whereParameters);
    parameters.add(Timestamp.from(boundaries.get(0)));
    return new Statement(
        "SELECT " + String.join(", ", sums) + FROM + where + " AND e.completed_at >= ?",
        List.copyOf(parameters));
  }

  /** How many people the filter holds. */
  public Statement count() {
    return statement("SELECT COUNT(*)" + FROM + where, false);
  }

  private Statement statement(String sql, boolean withFigures) {
    List<Object> parameters = new ArrayList<>();
    if (withFigures) {
      parameters.add(java.sql.Date.valueOf(today));
    }
    parameters.addAll(whereParameters);
    return new Statement(sql, List.copyOf(parameters));
  }

  /** A statement and its positional parameters. */
  public record Statement(String sql, List<Object> parameters) {}
}

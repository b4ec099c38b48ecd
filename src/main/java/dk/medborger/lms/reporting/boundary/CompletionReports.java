package dk.medborger.lms.reporting.boundary;

import dk.medborger.lms.courses.boundary.CourseCatalog;
import dk.medborger.lms.courses.boundary.CourseOutline;
import dk.medborger.lms.identity.boundary.ReportScope;
import dk.medborger.lms.identity.boundary.ReportScopes;
import dk.medborger.lms.identity.entity.JobRole;
import dk.medborger.lms.platform.Clocks;
import dk.medborger.lms.platform.ForbiddenException;
import dk.medborger.lms.platform.NotFoundException;
import dk.medborger.lms.progress.boundary.LearnerProgress;
import dk.medborger.lms.progress.entity.ActivityState;
import dk.medborger.lms.reporting.control.ReportSql;
import dk.medborger.lms.reporting.control.ReportSql.PeopleOrder;
import dk.medborger.lms.reporting.control.ReportSql.Statement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Completion reports for HR users and unit managers: a course's figures per municipality, unit and
 * person, within the caller's scope ({@link ReportScopes}, read on every call). A municipality,
 * unit or person outside the scope is 403, never an empty answer that tells it exists.
 *
 * <pre>
 * Report report = reports.report(hrUserId, ReportFilter.of(request::getParameter));
 * report.total().completionPercent(); report.groups(); // per municipality, or per unit
 * </pre>
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CompletionReports {

  @PersistenceContext EntityManager em;

  @Inject ReportScopes scopes;

  @Inject CourseCatalog catalog;

  @Inject LearnerProgress progress;

  @Inject Clock clock;

  /**
   * The figures of a set of enrolments.
   *
   * @param completionPercent completed of enrolled, one decimal; null with no one enrolled
   * @param quizPercent the average quiz score, or null with no quiz graded
   * @param lastActivity the latest time anyone opened the course, or null
   * @param quizSum the sum of the quiz averages, and {@code quizCount} how many there are: what
   *     adds groups up into a total
   */
  public record Figures(
      long enrolled,
      long notStarted,
      long inProgress,
      long completed,
      long overdue,
      BigDecimal completionPercent,
      BigDecimal quizPercent,
      Instant lastActivity,
      BigDecimal quizSum,
      long quizCount) {

    /** The figures of a row of {@code ReportSql}'s figure columns, starting at {@code at}. */
    static Figures of(Object[] row, int at) {
      return of(
          number(row[at]),
          number(row[at + 1]),
          number(row[at + 2]),
          number(row[at + 3]),
          number(row[at + 4]),
          row[at + 5] == null ? BigDecimal.ZERO : new BigDecimal(row[at + 5].toString()),
          number(row[at + 7]),
          instant(row[at + 6]));
    }

    private static Figures of(
        long enrolled,
        long notStarted,
        long inProgress,
        long completed,
        long overdue,
        BigDecimal quizSum,
        long quizCount,
        Instant lastActivity) {
      return new Figures(
          enrolled,
          notStarted,
          inProgress,
          completed,
          overdue,
          enrolled == 0
              ? null
              : BigDecimal.valueOf(completed * 100)
                  .divide(BigDecimal.valueOf(enrolled), 1, RoundingMode.HALF_UP),
          quizCount == 0
              ? null
              : quizSum.divide(BigDecimal.valueOf(quizCount), 1, RoundingMode.HALF_UP),
          lastActivity,
          quizSum,
          quizCount);
    }

    /** The figures of several groups together (the total of a report from its rows). */
    static Figures sum(List<Figures> parts) {
      long[] n = new long[6];
      BigDecimal quizSum = BigDecimal.ZERO;
      Instant last = null;
      for (Figures f : parts) {
        n[0] += f.enrolled;
        n[1] += f.notStarted;
        n[2] += f.inProgress;
        n[3] += f.completed;
        n[4] += f.overdue;
        n[5] += f.quizCount;
        quizSum = quizSum.add(f.quizSum);
        if (f.lastActivity != null && (last == null || f.lastActivity.isAfter(last))) {
          last = f.lastActivity;
        }
      }
      return of(n[0], n[1], n[2], n[3], n[4], quizSum, n[5], last);
    }
  }

  /** The level a report's rows are grouped at. */
  public enum Level {
    MUNICIPALITY,
    UNIT,
    PERSON
  }

  /** One group of the report: a municipality or a unit. */
  public record Group(long id, String name, Figures figures) {}

  /**
   * A course's report.
   *
   * @param level what {@code groups} are: municipalities, units, or none (a unit's people)
   * @param municipality the chosen municipality's name, or null
   * @param unit the chosen unit's name, or null
   */
  public record Report(
      CourseOutline course,
      ReportFilter filter,
      Level level,
      String municipality,
      String unit,
      Figures total,
      List<Group> groups) {}

  /** A person in a report. */
  public record PersonRow(
      long userId,
      String name,
      String municipality,
      String unit,
      JobRole jobRole,
      ReportFilter.Status status,
      int progressPercent,
      Instant enrolledAt,
      LocalDate dueDate,
      Instant completedAt,
      Instant lastActivity,
      BigDecimal quizPercent,
      boolean overdue,
      int assignmentsPassed) {

    static PersonRow of(Object[] row) {
      return new PersonRow(
          number(row[0]),
          (String) row[1],
          (String) row[2],
          (String) row[3],
          row[4] == null ? null : JobRole.valueOf((String) row[4]),
          ReportFilter.Status.valueOf((String) row[5]),
          (int) number(row[6]),
          instant(row[7]),
          date(row[8]),
          instant(row[9]),
          instant(row[10]),
          decimal(row[11]),
          number(row[12]) == 1,
          (int) number(row[13]));
    }
  }

  /** One page of people and how many there are in all. */
  public record People(List<PersonRow> rows, long total, int first, int size) {}

  /** A course's report as the filter narrows it, grouped one level below the filter's place. */
  public Report report(long hrUserId, ReportFilter filter) {
    ReportScope scope = scope(hrUserId);
    CourseOutline course = course(filter);
    String municipality = null;
    String unit = null;
    Level level = Level.MUNICIPALITY;
    if (filter.unitId() != null) {
      unit = requireUnit(scope, filter.unitId(), filter.municipalityId());
      level = Level.PERSON;
    } else if (filter.municipalityId() != null) {
      level = Level.UNIT;
    }
    if (filter.municipalityId() != null) {
      municipality = requireMunicipality(scope, filter.municipalityId());
    }
    ReportSql sql = sql(scope, filter);
    Figures total;
    List<Group> groups = new ArrayList<>();
    if (level == Level.PERSON) {
      total = Figures.of((Object[]) single(sql.total()), 0);
    } else {
      // One scan: the total is the groups' sum (people without a unit are a group of their own,
      // counted in the total, not shown as a row).
      Statement statement =
          level == Level.MUNICIPALITY
              ? sql.groups("m.id", "m.name")
              : sql.groups("ou.id", "ou.name");
      List<Figures> all = new ArrayList<>();
      for (Object[] row : rows(statement)) {
        Figures figures = Figures.of(row, 2);
        all.add(figures);
        if (row[0] != null) {
          groups.add(new Group(number(row[0]), (String) row[1], figures));
        }
      }
      total = Figures.sum(all);
    }
    return new Report(course, filter, level, municipality, unit, total, List.copyOf(groups));
  }

  /** A page of the people in the filter, sorted; names in Danish order. */
  public People people(
      long hrUserId,
      ReportFilter filter,
      PeopleOrder order,
      boolean descending,
      int first,
      int size) {
    return people(hrUserId, filter, order, descending, first, size, null);
  }

  /**
   * {@link #people}, when the caller already knows how many people the filter holds ({@code total}:
   * the report's enrolled figure, or an earlier page's total), so they are not counted again.
   */
  public People people(
      long hrUserId,
      ReportFilter filter,
      PeopleOrder order,
      boolean descending,
      int first,
      int size,
      Long total) {
    ReportSql sql = checkedSql(hrUserId, filter);
    long count = total != null ? total : number(single(sql.count()));
    List<PersonRow> rows = new ArrayList<>();
    for (Object[] row : rows(sql.people(order, descending, first, size))) {
      rows.add(PersonRow.of(row));
    }
    return new People(List.copyOf(rows), count, first, size);
  }

  /** How many completed the course in one month (Danish time). */
  public record MonthCount(java.time.YearMonth month, long completed) {}

  /**
   * Completions per month over the last {@code months} months up to and including this one, oldest
   * first, for the filter within the caller's scope (403 outside it, as for the report).
   */
  public List<MonthCount> completionsByMonth(long hrUserId, ReportFilter filter, int months) {
    ReportSql sql = checkedSql(hrUserId, filter);
    java.time.YearMonth last = java.time.YearMonth.now(clock.withZone(Clocks.DANISH_TIME));
    java.time.YearMonth first = last.minusMonths(Math.max(1, months) - 1L);
    List<Instant> boundaries = new ArrayList<>();
    for (java.time.YearMonth m = first; !m.isAfter(last.plusMonths(1)); m = m.plusMonths(1)) {
      boundaries.add(m.atDay(1).atStartOfDay(Clocks.DANISH_TIME).toInstant());
    }
    Object[] row = rows(sql.completions(boundaries)).get(0);
    List<MonthCount> counts = new ArrayList<>();
    for (int i = 0; i < row.length; i++) {
      counts.add(new MonthCount(first.plusMonths(i), row[i] == null ? 0 : number(row[i])));
    }
    return counts;
  }

  /** An activity as a person's detail shows it: state, dates and score (null when none). */
  public record ActivityRow(
      CourseOutline.Item activity,
      ActivityState state,
      Instant startedAt,
      Instant completedAt,
      BigDecimal score,
      BigDecimal maxScore) {

    /** The score in percent, one decimal, or null. */
    public BigDecimal percent() {
      return score == null || maxScore == null || maxScore.signum() == 0
          ? null
          : score.multiply(BigDecimal.valueOf(100)).divide(maxScore, 1, RoundingMode.HALF_UP);
    }
  }

  /** A person's detail: who, where, and each activity of the course in order. */
  public record PersonDetail(
      long userId,
      String name,
      String municipality,
      String unit,
      JobRole jobRole,
      LearnerProgress.CoursePage course,
      List<ActivityRow> activities) {}

  /**
   * One person's progress in the course, activity by activity; 403 when the person is outside the
   * caller's scope, 404 when there is no such person or they are not enrolled.
   */
  public PersonDetail person(long hrUserId, long personId, long courseId) {
    ReportScope scope = scope(hrUserId);
    Object[] who =
        (Object[])
            first(
                em.createNativeQuery(
                        "SELECT ou.municipality_id, u.unit_id, u.full_name, m.name, ou.name, u.job_role"
                            + " FROM app_user u LEFT JOIN org_unit ou ON ou.id = u.unit_id"
                            + " LEFT JOIN municipality m ON m.id = ou.municipality_id WHERE u.id = ?")
                    .setParameter(1, personId),
                new NotFoundException("person " + personId));
    if (!scope.covers(nullableNumber(who[0]), nullableNumber(who[1]))) {
      throw new ForbiddenException("person " + personId);
    }
    LearnerProgress.CoursePage page = progress.course(personId, courseId);
    Map<Long, Object[]> rows = new HashMap<>();
    for (Object[] row :
        rows(
            new Statement(
                "SELECT ap.activity_id, ap.started_at, ap.completed_at, ap.score, ap.max_score"
                    + " FROM activity_progress ap JOIN enrolment e ON e.id = ap.enrolment_id"
                    + " WHERE e.user_id = ? AND e.course_id = ?",
                List.of(personId, courseId)))) {
      rows.put(number(row[0]), row);
    }
    List<ActivityRow> activities = new ArrayList<>();
    for (CourseOutline.Item item : page.outline().activitiesInOrder()) {
      Object[] row = rows.get(item.id());
      activities.add(
          new ActivityRow(
              item,
              page.progress().status(item.id()).state(),
              row == null ? null : instant(row[1]),
              row == null ? null : instant(row[2]),
              row == null ? null : decimal(row[3]),
              row == null ? null : decimal(row[4])));
    }
    return new PersonDetail(
        personId,
        (String) who[2],
        (String) who[3],
        (String) who[4],
        who[5] == null ? null : JobRole.valueOf((String) who[5]),
        page,
        List.copyOf(activities));
  }

  /** The courses a report can be made for. */
  public List<CourseOutline> courses() {
    return catalog.outlines();
  }

  /** The municipalities in the caller's scope, and their units that are, in Danish order. */
  public record Place(long id, String name, List<Place> units) {}

  /** Where the caller may look: the municipalities and units of their scope. */
  public List<Place> places(long hrUserId) {
    ReportScope scope = scope(hrUserId);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT m.id, m.name, ou.id, ou.name FROM municipality m"
                    + " JOIN org_unit ou ON ou.municipality_id = m.id"
                    + " ORDER BY m.name COLLATE utf8mb4_danish_ci, ou.name COLLATE utf8mb4_danish_ci")
            .getResultList();
    List<Place> places = new ArrayList<>();
    Long current = null;
    List<Place> units = null;
    String name = null;
    for (Object[] row : rows) {
      long municipality = number(row[0]);
      long unit = number(row[2]);
      if (!scope.covers(municipality, unit)) {
        continue;
      }
      if (current == null || current != municipality) {
        if (current != null) {
          places.add(new Place(current, name, List.copyOf(units)));
        }
        current = municipality;
        name = (String) row[1];
        units = new ArrayList<>();
      }
      units.add(new Place(unit, (String) row[3], List.of()));
    }
    if (current != null) {
      places.add(new Place(current, name, List.copyOf(units)));
    }
    return List.copyOf(places);
  }

  private ReportScope scope(long hrUserId) {
    ReportScope scope = scopes.of(hrUserId);
    if (scope.isEmpty()) {
      throw new ForbiddenException("no report scope for user " + hrUserId);
    }
    return scope;
  }

  private CourseOutline course(ReportFilter filter) {
    if (filter.courseId() == null) {
      throw new NotFoundException("no course chosen");
    }
    return catalog.outline(filter.courseId());
  }

  /** The municipality's name; 403 when it is outside the scope (even for part of it: units). */
  private String requireMunicipality(ReportScope scope, long municipalityId) {
    String name =
        (String)
            first(
                em.createNativeQuery("SELECT name FROM municipality WHERE id = ?")
                    .setParameter(1, municipalityId),
                new NotFoundException("municipality " + municipalityId));
    boolean anyUnit =
        scope.everyone()
            || scope.municipalities().contains(municipalityId)
            || number(
                    single(
                        new Statement(
                            "SELECT COUNT(*) FROM org_unit WHERE municipality_id = ? AND id IN ("
                                + (scope.units().isEmpty()
                                    ? "0"
                                    : scope.units().stream()
                                        .map(String::valueOf)
                                        .reduce((a, b) -> a + "," + b)
                                        .orElseThrow())
                                + ")",
                            List.of(municipalityId))))
                > 0;
    if (!anyUnit) {
      throw new ForbiddenException("municipality " + municipalityId);
    }
    return name;
  }

  private String requireUnit(ReportScope scope, long unitId, Long municipalityId) {
    Object[] unit =
        (Object[])
            first(
                em.createNativeQuery("SELECT name, municipality_id FROM org_unit WHERE id = ?")
                    .setParameter(1, unitId),
                new NotFoundException("unit " + unitId));
    long municipality = number(unit[1]);
    if (!scope.covers(municipality, unitId)) {
      throw new ForbiddenException("unit " + unitId);
    }
    if (municipalityId != null && municipalityId != municipality) {
      throw new NotFoundException("unit " + unitId + " in municipality " + municipalityId);
    }
    return (String) unit[0];
  }

  /** The statements of a filter, after checking its course, place and the caller's scope. */
  private ReportSql checkedSql(long hrUserId, ReportFilter filter) {
    ReportScope scope = scope(hrUserId);
    course(filter);
    if (filter.unitId() != null) {
      requireUnit(scope, filter.unitId(), filter.municipalityId());
    }
    if (filter.municipalityId() != null) {
      requireMunicipality(scope, filter.municipalityId());
    }
    return sql(scope, filter);
  }

  private ReportSql sql(ReportScope scope, ReportFilter filter) {
    return ReportSql.of(
        scope, filter, LocalDate.now(clock.withZone(Clocks.DANISH_TIME)), Clocks.DANISH_TIME);
  }

  private Object single(Statement statement) {
    return bind(em.createNativeQuery(statement.sql()), statement).getSingleResult();
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(Statement statement) {
    return bind(em.createNativeQuery(statement.sql()), statement).getResultList();
  }

  /** The query's first row, or {@code missing} thrown. */
  private static Object first(Query query, NotFoundException missing) {
    List<?> rows = query.setMaxResults(1).getResultList();
    if (rows.isEmpty()) {
      throw missing;
    }
    return rows.get(0);
  }

  private static Query bind(Query query, Statement statement) {
    for (int i = 0; i < statement.parameters().size(); i++) {
      query.setParameter(i + 1, statement.parameters().get(i));
    }
    return query;
  }

  static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  private static Long nullableNumber(Object value) {
    return value == null ? null : ((Number) value).longValue();
  }

  static BigDecimal decimal(Object value) {
    if (value == null) {
      return null;
    }
    BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    return d.setScale(1, RoundingMode.HALF_UP);
  }

  static Instant instant(Object value) {
    return dk.medborger.lms.platform.SqlValues.instant(value);
  }

  static LocalDate date(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    throw new IllegalArgumentException("not a date: " + value.getClass());
  }
}

package dk.medborger.lms.reporting.boundary;

import dk.medborger.lms.identity.entity.JobRole;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What a completion report shows: one course, optionally narrowed to a municipality, a unit, a job
 * role, a status and enrolment and due date ranges. The same query parameters serve the page, its
 * exports and the API, so a report can be bookmarked and shared:
 *
 * <pre>
 * /hr/index.xhtml?course=1&amp;municipality=2&amp;status=OVERDUE&amp;dueTo=2026-12-31
 * ReportFilter filter = ReportFilter.of(request::getParameter);
 * </pre>
 *
 * Values that cannot be read are left out, never guessed at: {@link #problems} names them.
 */
public record ReportFilter(
    Long courseId,
    Long municipalityId,
    Long unitId,
    JobRole jobRole,
    Status status,
    LocalDate enrolledFrom,
    LocalDate enrolledTo,
    LocalDate dueFrom,
    LocalDate dueTo,
    Map<String, String> problems) {

  /** The states a person's enrolment can be reported in; overdue cuts across the first two. */
  public enum Status {
    NOT_STARTED,
    IN_PROGRESS,
    COMPLETED,
    OVERDUE
  }

  public ReportFilter {
    problems = Map.copyOf(problems);
  }

  /** The filter that the query parameters describe ({@code parameter} gives null when absent). */
  public static ReportFilter of(Function<String, String> parameter) {
    Map<String, String> problems = new LinkedHashMap<>();
    return new ReportFilter(
        id(parameter, "course", problems),
        id(parameter, "municipality", problems),
        id(parameter, "unit", problems),
        name(JobRole.class, parameter, "role", problems),
        name(Status.class, parameter, "status", problems),
        date(parameter, "enrolledFrom", problems),
        date(parameter, "enrolledTo", problems),
        date(parameter, "dueFrom", problems),
        date(parameter, "dueTo", problems),
        problems);
  }

  /** The same filter for another course, municipality or unit (a drill-down link). */
  public ReportFilter with(Long course, Long municipality, Long unit) {
    return new ReportFilter(
        course,
        municipality,
        unit,
        jobRole,
        status,
        enrolledFrom,
        enrolledTo,
        dueFrom,
        dueTo,
        Map.of());
  }

  /** The same filter narrowed to one status (the overdue, for reminders). */
  public ReportFilter with(Status only) {
    return new ReportFilter(
        courseId,
        municipalityId,
        unitId,
        jobRole,
        only,
        enrolledFrom,
        enrolledTo,
        dueFrom,
        dueTo,
        Map.of());
  }

  /** The filter as query parameters (without the leading {@code ?}), for links and exports. */
  public String query() {
    StringBuilder query = new StringBuilder();
    fields()
        .forEach(
            (key, value) ->
                query.append(query.length() == 0 ? "" : "&").append(key).append('=').append(value));
    return query.toString();
  }

  /**
   * The filter's parameters that are set, in a fixed order: for hidden fields of a form that must
   * post within the same filter. (Ids, names and ISO dates: nothing that needs escaping.)
   */
  public Map<String, String> fields() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("course", courseId);
    values.put("municipality", municipalityId);
    values.put("unit", unitId);
    values.put("role", jobRole);
    values.put("status", status);
    values.put("enrolledFrom", enrolledFrom);
    values.put("enrolledTo", enrolledTo);
    values.put("dueFrom", dueFrom);
    values.put("dueTo", dueTo);
    Map<String, String> set = new LinkedHashMap<>();
    values.forEach(
        (key, value) -> {
          if (value != null) {
            set.put(key, value.toString());
          }
        });
    return set;
  }

  /** The filter a {@link #query()} describes (a stored subscription's). */
  public static ReportFilter ofQuery(String query) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        parameters.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    return of(parameters::get);
  }

  private static Long id(
      Function<String, String> parameter, String key, Map<String, String> problems) {
    String value = parameter.apply(key);
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!value.strip().matches("[1-9][0-9]{0,17}")) {
      problems.put(key, value);
      return null;
    }
    return Long.valueOf(value.strip());
  }

  private static <E extends Enum<E>> E name(
      Class<E> type, Function<String, String> parameter, String key, Map<String, String> problems) {
    String value = parameter.apply(key);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      problems.put(key, value);
      return null;
    }
  }

  private static LocalDate date(
      Function<String, String> parameter, String key, Map<String, String> problems) {
    String value = parameter.apply(key);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      problems.put(key, value);
      return null;
    }
  }
}

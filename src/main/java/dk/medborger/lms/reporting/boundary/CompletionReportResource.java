package dk.medborger.lms.reporting.boundary;

import dk.medborger.lms.identity.boundary.ApiTokens;
import dk.medborger.lms.platform.ForbiddenException;
import dk.medborger.lms.platform.NotFoundException;
import dk.medborger.lms.reporting.boundary.CompletionReports.ActivityRow;
import dk.medborger.lms.reporting.boundary.CompletionReports.Figures;
import dk.medborger.lms.reporting.boundary.CompletionReports.Group;
import dk.medborger.lms.reporting.boundary.CompletionReports.People;
import dk.medborger.lms.reporting.boundary.CompletionReports.PersonDetail;
import dk.medborger.lms.reporting.boundary.CompletionReports.PersonRow;
import dk.medborger.lms.reporting.boundary.CompletionReports.Report;
import dk.medborger.lms.reporting.control.ReportSql.PeopleOrder;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The completion report for HR systems: {@code GET /api/v1/reports/completion} with the page's
 * filter as query parameters ({@link ReportFilter}) and {@code page}/{@code size} for the people,
 * and {@code GET /api/v1/reports/completion/people/{id}?course=} for one person. Authenticated with
 * an API token ({@code Authorization: Bearer mbr_…}) that carries its owner's scope; answers and
 * refusals are JSON, never a redirect: 401 without a valid token, 403 outside the scope, 404 for
 * what does not exist, 400 for a filter that cannot be read.
 */
@Path("v1/reports/completion")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Completion reports", description = "Who has completed, who is behind, who is overdue")
@SecurityScheme(
    securitySchemeName = "token",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description = "An API token an HR user creates on the report page (shown once)")
@SecurityRequirement(name = "token")
public class CompletionReportResource {

  /** The most people one page of the API gives. */
  static final int MAX_SIZE = 1000;

  @Inject ApiTokens tokens;

  @Inject CompletionReports reports;

  @Context HttpServletRequest request;

  @GET
  @Operation(
      summary = "A course's completion report within the token's scope",
      description =
          "Figures for the whole filter, one row per municipality (or per unit when a municipality"
              + " is chosen), and one page of people in Danish name order.")
  @APIResponse(responseCode = "200", description = "The report")
  @APIResponse(responseCode = "400", description = "A filter value could not be read")
  @APIResponse(responseCode = "401", description = "No valid token")
  @APIResponse(responseCode = "403", description = "A municipality or unit outside the scope")
  @APIResponse(responseCode = "404", description = "No such course, municipality or unit")
  public Response report(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @Parameter(in = ParameterIn.QUERY, required = true, description = "The course's id")
          @QueryParam("course")
          String course,
      @Parameter(description = "A municipality's id") @QueryParam("municipality")
          String municipality,
      @Parameter(description = "A unit's id") @QueryParam("unit") String unit,
      @Parameter(
              description =
                  "LIBRARIAN, LIBRARY_ASSISTANT, CITIZEN_SERVICE_OFFICER, MANAGER, CONSULTANT")
          @QueryParam("role")
          String role,
      @Parameter(description = "NOT_STARTED, IN_PROGRESS, COMPLETED or OVERDUE")
          @QueryParam("status")
          String status,
      @Parameter(description = "Enrolled on or after (yyyy-mm-dd)") @QueryParam("enrolledFrom")
          String enrolledFrom,
      @Parameter(description = "Enrolled on or before (yyyy-mm-dd)") @QueryParam("enrolledTo")
          String enrolledTo,
      @Parameter(description = "Due on or after (yyyy-mm-dd)") @QueryParam("dueFrom")
          String dueFrom,
      @Parameter(description = "Due on or before (yyyy-mm-dd)") @QueryParam("dueTo") String dueTo,
      @Parameter(description = "The page of people, from 0") @QueryParam("page") String page,
      @Parameter(description = "People per page, 1–1000 (100)") @QueryParam("size") String size) {
    return answer(
        authorization,
        hr -> {
          ReportFilter filter = ReportFilter.of(request::getParameter);
          Integer pageNumber = number(page, 0, Integer.MAX_VALUE / MAX_SIZE, 0);
          Integer pageSize = number(size, 1, MAX_SIZE, 100);
          if (!filter.problems().isEmpty()
              || filter.courseId() == null
              || pageNumber == null
              || pageSize == null) {
            Map<String, Object> problems = new LinkedHashMap<>(filter.problems());
            if (filter.courseId() == null && !problems.containsKey("course")) {
              problems.put("course", "required");
            }
            if (pageNumber == null) {
              problems.put("page", page);
            }
            if (pageSize == null) {
              problems.put("size", size);
            }
            return Response.status(400)
                .entity(Map.of("error", "bad_request", "parameters", problems))
                .build();
          }
          Report report = reports.report(hr, filter);
          People people =
              reports.people(
                  hr,
                  filter,
                  PeopleOrder.NAME,
                  false,
                  pageNumber * pageSize,
                  pageSize,
                  report.total().enrolled());
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("course", Map.of("id", report.course().id(), "title", report.course().title()));
          body.put("level", report.level());
          body.put("total", figures(report.total()));
          body.put(
              "groups", report.groups().stream().map(CompletionReportResource::group).toList());
          Map<String, Object> list = new LinkedHashMap<>();
          list.put("total", people.total());
          list.put("page", pageNumber);
          list.put("size", pageSize);
          list.put("rows", people.rows().stream().map(CompletionReportResource::person).toList());
          body.put("people", list);
          return Response.ok(body).build();
        });
  }

  @GET
  @Path("people/{id}")
  @Operation(summary = "One person's progress in a course, activity by activity")
  @APIResponse(responseCode = "200", description = "The person")
  @APIResponse(responseCode = "401", description = "No valid token")
  @APIResponse(responseCode = "403", description = "The person is outside the scope")
  @APIResponse(responseCode = "404", description = "No such person, course or enrolment")
  public Response person(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @PathParam("id") long id,
      @Parameter(required = true, description = "The course's id") @QueryParam("course")
          long course) {
    return answer(
        authorization,
        hr -> {
          PersonDetail detail = reports.person(hr, id, course);
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("id", detail.userId());
          body.put("name", detail.name());
          body.put("municipality", detail.municipality());
          body.put("unit", detail.unit());
          body.put("jobRole", detail.jobRole());
          body.put("progressPercent", detail.course().progress().percent());
          body.put("dueDate", text(detail.course().dueDate()));
          body.put("completedAt", text(detail.course().completedAt()));
          body.put(
              "activities",
              detail.activities().stream().map(CompletionReportResource::activity).toList());
          return Response.ok(body).build();
        });
  }

  /** What a call does once its token is known to stand for an HR user. */
  private interface Call {
    Response with(long hrUserId);
  }

  private Response answer(String authorization, Call call) {
    Optional<Long> hr =
        authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
            ? tokens.authenticate(authorization.substring(7).strip())
            : Optional.empty();
    if (hr.isEmpty()) {
      return Response.status(401)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"medborger\"")
          .entity(Map.of("error", "unauthorized"))
          .build();
    }
    try {
      return call.with(hr.get());
    } catch (ForbiddenException e) {
      return Response.status(403).entity(Map.of("error", "forbidden")).build();
    } catch (NotFoundException e) {
      return Response.status(404).entity(Map.of("error", "not_found")).build();
    }
  }

  private static Integer number(String value, int min, int max, int otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    if (!value.strip().matches("\\d{1,9}")) {
      return null;
    }
    int n = Integer.parseInt(value.strip());
    return n < min || n > max ? null : n;
  }

  private static Map<String, Object> figures(Figures f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("enrolled", f.enrolled());
    m.put("notStarted", f.notStarted());
    m.put("inProgress", f.inProgress());
    m.put("completed", f.completed());
    m.put("overdue", f.overdue());
    m.put("completionPercent", f.completionPercent());
    m.put("quizPercent", f.quizPercent());
    m.put("lastActivity", text(f.lastActivity()));
    return m;
  }

  private static Map<String, Object> group(Group g) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", g.id());
    m.put("name", g.name());
    m.putAll(figures(g.figures()));
    return m;
  }

  private static Map<String, Object> person(PersonRow p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.userId());
    m.put("name", p.name());
    m.put("municipality", p.municipality());
    m.put("unit", p.unit());
    m.put("jobRole", p.jobRole());
    m.put("status", p.status());
    m.put("overdue", p.overdue());
    m.put("progressPercent", p.progressPercent());
    m.put("enrolledAt", text(p.enrolledAt()));
    m.put("dueDate", text(p.dueDate()));
    m.put("completedAt", text(p.completedAt()));
    m.put("lastActivity", text(p.lastActivity()));
    m.put("quizPercent", p.quizPercent());
    m.put("assignmentsPassed", p.assignmentsPassed());
    return m;
  }

  private static Map<String, Object> activity(ActivityRow a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.activity().id());
    m.put("title", a.activity().title());
    m.put("kind", a.activity().kind());
    m.put("state", a.state());
    m.put("startedAt", text(a.startedAt()));
    m.put("completedAt", text(a.completedAt()));
    m.put("score", a.score());
    m.put("maxScore", a.maxScore());
    m.put("percent", a.percent());
    return m;
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static String text(LocalDate day) {
    return day == null ? null : day.toString();
  }
}

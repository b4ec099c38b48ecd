package dk.medborger.lms.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.testing.PageLinks;
import dk.medborger.lms.testing.RunningApplication;
import dk.medborger.lms.testing.WebClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The report API for HR systems against the running application, with the demo token of {@code
 * hr.skanderborg}: JSON for every answer, 401 without a valid token (never a redirect to the login
 * page), 403 outside the token's scope, 400 for a filter it cannot read, and the OpenAPI document.
 */
@ExtendWith(RunningApplication.class)
class ReportApiIT {

  /** The demo token (README, DemoData.DEMO_TOKEN). */
  private static final String TOKEN = "mbr_demo-skanderborg-hr-system-2026";

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(RunningApplication.baseUrl() + path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theTokensScopeHoldsForTheReportAndEveryPerson() throws Exception {
    WebClient hr = new WebClient();
    hr.login("hr", "medborger");
    String all = hr.get("/hr/index.xhtml").body();
    String course = PageLinks.matches(all, "<option value=\"(\\d+)\" selected=\"selected\"").get(0);
    String kolding = PageLinks.matches(all, "municipality=(\\d+)\">Kolding Kommune<").get(0);
    String skanderborg =
        PageLinks.matches(all, "municipality=(\\d+)\">Skanderborg Kommune<").get(0);
    String koldingPerson =
        PageLinks.matches(
                hr.get("/hr/index.xhtml?course=" + course + "&municipality=" + kolding).body(),
                "person\\.xhtml\\?id=(\\d+)")
            .get(0);
    String ownPerson =
        PageLinks.matches(
                hr.get("/hr/index.xhtml?course=" + course + "&municipality=" + skanderborg).body(),
                "person\\.xhtml\\?id=(\\d+)")
            .get(0);

    String api = "/api/v1/reports/completion?course=" + course;
    HttpResponse<String> report = get(api + "&size=5", "Bearer " + TOKEN);
    assertEquals(200, report.statusCode(), report.body());
    assertTrue(
        report.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertTrue(report.body().contains("\"Skanderborg Kommune\""));
    assertFalse(report.body().contains("Kolding"), "nothing outside the scope");
    assertTrue(report.body().contains("\"size\":5"), report.body());

    assertEquals(403, get(api + "&municipality=" + kolding, "Bearer " + TOKEN).statusCode());
    HttpResponse<String> stranger =
        get(
            "/api/v1/reports/completion/people/" + koldingPerson + "?course=" + course,
            "Bearer " + TOKEN);
    assertEquals(403, stranger.statusCode());
    assertEquals("{\"error\":\"forbidden\"}", stranger.body());
    HttpResponse<String> own =
        get(
            "/api/v1/reports/completion/people/" + ownPerson + "?course=" + course,
            "Bearer " + TOKEN);
    assertEquals(200, own.statusCode(), own.body());
    assertTrue(own.body().contains("\"activities\":["));

    HttpResponse<String> bad = get(api + "&status=SOMETIMES&size=5000", "Bearer " + TOKEN);
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("\"status\"") && bad.body().contains("\"size\""), bad.body());
    assertEquals(
        404, get("/api/v1/reports/completion?course=999999", "Bearer " + TOKEN).statusCode());
  }

  @Test
  void withoutAValidTokenTheAnswerIs401InJsonNeverTheLoginPage() throws Exception {
    String api = "/api/v1/reports/completion?course=1";
    for (String authorization :
        new String[] {null, "Bearer ", "Bearer mbr_wrong", "Basic aHI6bWVkYm9yZ2Vy", TOKEN}) {
      HttpResponse<String> response = get(api, authorization);
      assertEquals(401, response.statusCode(), String.valueOf(authorization));
      assertEquals("{\"error\":\"unauthorized\"}", response.body());
      assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    }
    WebClient session = new WebClient();
    session.login("hr", "medborger");
    assertEquals(401, session.get(api).statusCode(), "a session is no token");
  }

  @Test
  void theApiIsDescribedByOpenApi() throws Exception {
    HttpResponse<String> openapi = get("/openapi", null);
    assertEquals(200, openapi.statusCode());
    assertTrue(openapi.body().contains("/api/v1/reports/completion"), openapi.body());
    assertTrue(openapi.body().contains("/api/v1/reports/completion/people/{id}"));
    assertTrue(openapi.body().contains("bearer"));
  }
}

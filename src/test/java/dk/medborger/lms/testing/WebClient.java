package dk.medborger.lms.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A plain HTTP session against the running application: one cookie jar, no redirects followed. Its
 * form posts carry {@code Origin}, as a browser's do: the application refuses a state-changing
 * request without it (RequestGuard).
 */
public final class WebClient {

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

  private final CookieManager cookies = new CookieManager();

  /** The application's address; null: the runnable jar's ({@link RunningApplication}). */
  private final String base;

  /** A client of the runnable jar the browser tests start. */
  public WebClient() {
    this(null);
  }

  /**
   * A client of the application at {@code base} (with its context path, no trailing slash): an
   * Arquillian test's own deployment, from inside it.
   */
  public WebClient(String base) {
    this.base = base;
  }

  private String base() {
    return base != null ? base : RunningApplication.baseUrl();
  }

  /** The origin a browser would send (scheme, host and port, no path). */
  private String origin() {
    URI at = URI.create(base());
    return at.getScheme() + "://" + at.getHost() + (at.getPort() < 0 ? "" : ":" + at.getPort());
  }

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(cookies)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(base() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Logs in through the login form, as a browser would; returns the answer to the form post. While
   * the server says that all password checks are busy (503, many tests log in at once), it tries
   * again, as a person would.
   */
  public HttpResponse<String> login(String username, String password)
      throws IOException, InterruptedException {
    return login(username, password, null);
  }

  /** {@link #login(String, String)} from the login page a redirect gave, with its {@code back}. */
  public HttpResponse<String> login(String username, String password, String back)
      throws IOException, InterruptedException {
    HttpResponse<String> page = get("/login.xhtml");
    Matcher m = VIEW_STATE.matcher(page.body());
    if (!m.find()) {
      throw new IllegalStateException("No view state on the login page");
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("login", "login");
    form.put("login:username", username);
    form.put("login:password", password);
    form.put("login:submit", "");
    form.put("jakarta.faces.ViewState", m.group(1));
    if (back != null) {
      form.put("back", back);
    }
    for (int attempt = 0; ; attempt++) {
      HttpResponse<String> answer = post("/login.xhtml", form);
      if (answer.statusCode() != 503 || !isBusy(answer.body()) || attempt == 200) {
        return answer;
      }
      Thread.sleep(100 + (long) (Math.random() * 200));
    }
  }

  /** Whether a login page says that all password checks are in use right now. */
  public static boolean isBusy(String body) {
    return body.contains("logger ind lige nu") || body.contains("logging in right now");
  }

  /**
   * Presses a button of the lesson page's form ({@code lessonForm:complete}, {@code
   * lessonForm:nextAndComplete}) for {@code lesson}, as the stateless page posts it.
   */
  public HttpResponse<String> pressLessonButton(String lesson, String button)
      throws IOException, InterruptedException {
    return post(
        "/learner/lesson.xhtml",
        Map.of(
            "lessonForm",
            "lessonForm",
            "lesson",
            lesson,
            button,
            button,
            "jakarta.faces.ViewState",
            "stateless"));
  }

  /** Posts a form as a browser would (from this application's page), not following a redirect. */
  public HttpResponse<String> post(String path, Map<String, String> form)
      throws IOException, InterruptedException {
    return post(path, form, Map.of("Origin", origin()));
  }

  /**
   * Posts a form with exactly these extra headers: {@code Origin}, {@code Sec-Fetch-Site} as a page
   * elsewhere would send them, or none.
   */
  public HttpResponse<String> post(
      String path, Map<String, String> form, Map<String, String> headers)
      throws IOException, InterruptedException {
    String body =
        form.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Sends any request with any headers (a GET with a bearer token, a large body, a DELETE). */
  public HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public static URI uri(String path) {
    return URI.create(RunningApplication.baseUrl() + path);
  }

  /** The cookie of this name the client holds, or null. */
  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  /**
   * Presses a button of a Faces form on the page at {@code path}, with the page's view state and
   * the extra fields given (hidden inputs the page has); returns the answer, not following a
   * redirect.
   */
  public HttpResponse<String> pressButton(
      String path, String form, String button, Map<String, String> fields)
      throws IOException, InterruptedException {
    HttpResponse<String> page = get(path);
    Matcher m = VIEW_STATE.matcher(page.body());
    if (!m.find()) {
      throw new IllegalStateException("No view state on " + path + ": " + page.statusCode());
    }
    Map<String, String> post = new LinkedHashMap<>(fields);
    post.put(form, form);
    post.put(button, button);
    post.put("jakarta.faces.ViewState", m.group(1));
    return post(path.replaceAll("\\?.*", ""), post);
  }

  /**
   * Posts JSON as the attempt page's script does; {@code site} is what the browser would send as
   * {@code Sec-Fetch-Site} ("same-origin", "cross-site"), or null for none.
   */
  public HttpResponse<String> postJson(String path, String json, String site)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (site != null) {
      request.header("Sec-Fetch-Site", site);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Posts one file as a browser's multipart form does, with this application's {@code Origin} (or
   * {@code origin} when given, to test another site's form); not following a redirect.
   */
  public HttpResponse<String> postFile(
      String path, String field, String fileName, byte[] content, String origin)
      throws IOException, InterruptedException {
    String boundary = "----medborger" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + field
                + "\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Origin", origin == null ? origin() : origin)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Posts a plain form with this application's {@code Origin}, as a browser sends it. */
  public HttpResponse<String> postFromThisSite(String path, Map<String, String> form)
      throws IOException, InterruptedException {
    String body =
        form.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return http.send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Origin", origin())
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Starts (or resumes) this learner's attempt at the first quiz of their first course, through the
   * quiz page's own form, and returns the attempt's id.
   */
  public String startFirstQuiz() throws IOException, InterruptedException {
    String course = PageLinks.courses(get("/learner/dashboard.xhtml").body()).get(0);
    String quiz =
        PageLinks.matches(
                get("/learner/course.xhtml?id=" + course).body(),
                "/learner/quiz\\.xhtml\\?id=(\\d+)")
            .get(0);
    HttpResponse<String> start =
        pressButton(
            "/learner/quiz.xhtml?id=" + quiz, "quizForm", "quizForm:start", Map.of("quiz", quiz));
    String location = start.headers().firstValue("Location").orElse("");
    if (start.statusCode() != 302 || !location.contains("/learner/attempt.xhtml?id=")) {
      throw new IllegalStateException(
          "The quiz did not start: " + start.statusCode() + " " + location);
    }
    return location.replaceAll(".*id=(\\d+).*", "$1");
  }

  /** The save token an attempt page gives its script. */
  public static String saveToken(String attemptPage) {
    return attemptPage.replaceAll("(?s).*data-token=\"(\\w+)\".*", "$1");
  }

  public String sessionId() {
    return cookie("JSESSIONID");
  }

  /** Replaces the session cookie with one the server does not know, as after a time-out. */
  public void expireSession() {
    HttpCookie stale = new HttpCookie("JSESSIONID", "expired0000000000000000000000");
    stale.setPath("/");
    stale.setVersion(0);
    cookies.getCookieStore().removeAll();
    cookies.getCookieStore().add(URI.create(base()), stale);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The quiz benchmark's load client (run-quiz-benchmarks.sh), one file for {@code java QuizLoad.java
 * MODE --option=value …}, JDK 17's HttpClient only (HTTP/1.1, loopback). Every learner is a real
 * logged-in session that goes through the pages as a browser does: the login form, the quiz page's
 * start button, the attempt page (its save token and the questions' row versions), the JSON save
 * API, the summary page's hand-in button.
 *
 * <ul>
 *   <li>{@code prepare --base=URL --quiz=ID --group=PREFIX:COUNT:FILE …}: logs each learner in,
 *       starts their attempt and reads the attempt page; one line per learner in FILE.
 *   <li>{@code warmup --sessions=FILE --quiz=ID}: whole quiz flows (page, a save per question,
 *       reload, every 4th cycle hand-in and a new start) by a few learners at once, in rounds,
 *       until the C2 compiler thread of the server ({@code --c2-stat=/proc/PID/task/TID/stat}) used
 *       less than {@code --quiet-ticks} in two rounds in a row, or {@code --max-rounds}.
 *   <li>{@code burst --sessions=FILE}: all learners at once, each saving every answer once (one
 *       after the other, as a learner does) and handing in (summary page, then its button); as fast
 *       as the server answers.
 *   <li>{@code sustained --sessions=FILE --seconds=30}: every learner saves answers in a loop, one
 *       request at a time each (as many connections as learners), for the given time after a ramp
 *       that is not counted.
 * </ul>
 *
 * burst and sustained write {@code --expected=FILE}: SQL that fills a temporary table with every
 * acknowledged answer (attempt, slot, the response as the server stores it; for sustained the last
 * one per question), which quiz-check.sql compares with the database. Figures go to stdout and, as
 * key=value lines, to {@code --report=FILE}.
 */
public class QuizLoad {

  static final Pattern VIEW_STATE =
      Pattern.compile("jakarta\\.faces\\.ViewState:0\" value=\"([^\"]*)\"");
  static final Pattern TOKEN = Pattern.compile("data-token=\"([0-9a-fA-F]+)\"");
  static final Pattern FIELDSET =
      Pattern.compile(
          "<fieldset[^>]*data-slot=\"(\\d+)\" data-type=\"([A-Z_]+)\""
              + " data-version=\"(\\d+)\">(.*?)</fieldset>",
          Pattern.DOTALL);
  static final Pattern CHOICE =
      Pattern.compile(
          "<input type=\"(?:radio|checkbox)\" name=\"q\\d+\" id=\"[^\"]*\" value=\"([^\"]*)\"");
  static final Pattern PROMPT = Pattern.compile("data-prompt=\"([^\"]*)\"");
  static final Pattern OPTION = Pattern.compile("<option value=\"([^\"]+)\"");
  static final Pattern SELECT = Pattern.compile("<select[^>]*>(.*?)</select>", Pattern.DOTALL);
  static final Pattern SAVED_VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");
  static final Pattern ATTEMPT_ID = Pattern.compile("attempt\\.xhtml\\?id=(\\d+)");

  static final Map<String, List<String>> OPTS = new LinkedHashMap<>();
  static String base;
  static HttpClient http;
  static final Map<String, String> REPORT = new LinkedHashMap<>();

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    for (String a : Arrays.copyOfRange(args, 1, args.length)) {
      int eq = a.indexOf('=');
      OPTS.computeIfAbsent(a.substring(2, eq), k -> new ArrayList<>()).add(a.substring(eq + 1));
    }
    base = opt("base", "http://127.0.0.1:8091");
    if (!URI.create(base).getHost().equals("127.0.0.1")) {
      throw new IllegalArgumentException("loopback only: " + base);
    }
    // A few threads for the client's own work: the load generator shares the server's two cores.
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(Integer.parseInt(opt("client-threads", "3"))))
            .build();
    long cpu0 = cpuNanos();
    switch (mode) {
      case "prepare" -> prepare();
      case "warmup" -> warmup();
      case "burst" -> burst();
      case "sustained" -> sustained();
      default -> throw new IllegalArgumentException("mode " + mode);
    }
    report(mode + ".client_cpu_s", String.format("%.1f", (cpuNanos() - cpu0) / 1e9));
    System.out.printf("load client CPU: %s s%n", REPORT.get(mode + ".client_cpu_s"));
    if (OPTS.containsKey("report")) {
      StringBuilder sb = new StringBuilder();
      REPORT.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
      Files.writeString(
          Path.of(opt("report", null)),
          sb,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    }
    System.exit(0);
  }

  static String opt(String name, String fallback) {
    List<String> v = OPTS.get(name);
    if (v == null) {
      if (fallback == null) {
        throw new IllegalArgumentException("--" + name + " is required");
      }
      return fallback;
    }
    return v.get(v.size() - 1);
  }

  static int intOpt(String name, int fallback) {
    return Integer.parseInt(opt(name, Integer.toString(fallback)));
  }

  static void report(String key, Object value) {
    REPORT.put(key, String.valueOf(value));
  }

  static long cpuNanos() {
    return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  // ---------------------------------------------------------------- learners, pages, answers

  static final class Question {
    int slot;
    String type;
    long version;
    List<String> choices = new ArrayList<>();
    List<String> prompts = new ArrayList<>();
    List<String> options = new ArrayList<>();

    String encode() {
      return slot
          + "|"
          + type
          + "|"
          + version
          + "|"
          + String.join(",", choices)
          + "|"
          + String.join(",", prompts)
          + "|"
          + String.join(",", options);
    }

    static Question decode(String s) {
      String[] p = s.split("\\|", -1);
      Question q = new Question();
      q.slot = Integer.parseInt(p[0]);
      q.type = p[1];
      q.version = Long.parseLong(p[2]);
      q.choices = list(p[3]);
      q.prompts = list(p[4]);
      q.options = list(p[5]);
      return q;
    }

    static List<String> list(String s) {
      return s.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(s.split(",")));
    }
  }

  static final class Learner {
    final String user;
    final int index;
    final Map<String, String> cookies = new ConcurrentHashMap<>();
    volatile long attempt;
    volatile String token;
    volatile List<Question> questions = List.of();
    int cycle;

    Learner(String user, int index) {
      this.user = user;
      this.index = index;
    }

    String cookieHeader() {
      StringBuilder sb = new StringBuilder();
      cookies.forEach(
          (k, v) -> sb.append(sb.length() == 0 ? "" : "; ").append(k).append('=').append(v));
      return sb.toString();
    }

    void take(HttpResponse<?> r) {
      for (String h : r.headers().allValues("set-cookie")) {
        String nv = h.split(";", 2)[0];
        int eq = nv.indexOf('=');
        if (eq > 0) {
          cookies.put(nv.substring(0, eq).trim(), nv.substring(eq + 1).trim());
        }
      }
    }

    Question question(int slot) {
      for (Question q : questions) {
        if (q.slot == slot) {
          return q;
        }
      }
      throw new IllegalStateException("no slot " + slot);
    }

    String line() {
      Answer first = answer(this, questions.get(0), 0);
      StringBuilder sb = new StringBuilder();
      sb.append(user)
          .append('\t')
          .append(index)
          .append('\t')
          .append(cookieHeader())
          .append('\t')
          .append(attempt)
          .append('\t')
          .append(token)
          .append('\t')
          .append(questions.get(0).slot)
          .append('\t')
          .append(first.body(token, questions.get(0).version))
          .append('\t')
          .append(first.stored());
      for (Question q : questions) {
        sb.append('\t').append(q.encode());
      }
      return sb.toString();
    }

    static Learner parse(String line) {
      String[] p = line.split("\t");
      Learner l = new Learner(p[0], Integer.parseInt(p[1]));
      for (String c : p[2].split("; ")) {
        int eq = c.indexOf('=');
        l.cookies.put(c.substring(0, eq), c.substring(eq + 1));
      }
      l.attempt = Long.parseLong(p[3]);
      l.token = p[4];
      List<Question> qs = new ArrayList<>();
      for (int i = 8; i < p.length; i++) { // after the 8 fixed columns of line()
        qs.add(Question.decode(p[i]));
      }
      l.questions = qs;
      return l;
    }
  }

  /** One answer, as the page's script sends it and as the server stores it. */
  static final class Answer {
    final List<String> keys = new ArrayList<>();
    String text;
    final Map<String, String> matches = new LinkedHashMap<>();

    String fields() {
      return "\"keys\":"
          + array(keys)
          + ",\"text\":"
          + (text == null ? "null" : str(text))
          + ",\"matches\":"
          + object(matches);
    }

    String body(String token, long version) {
      return "{\"token\":" + str(token) + ",\"version\":" + version + "," + fields() + "}";
    }

    /** As in attempt_answer.response: no "text" when there is none. */
    String stored() {
      return "{\"keys\":"
          + array(keys)
          + ",\"matches\":"
          + object(matches)
          + (text == null ? "" : ",\"text\":" + str(text))
          + "}";
    }
  }

  /** An answer that fits the question; {@code v} varies it (which choice, which text). */
  static Answer answer(Learner l, Question q, int v) {
    Answer a = new Answer();
    switch (q.type) {
      case "SINGLE_CHOICE", "TRUE_FALSE" -> a.keys.add(q.choices.get(v % q.choices.size()));
      case "MULTIPLE_CHOICE" -> {
        a.keys.add(q.choices.get(v % q.choices.size()));
        if (q.choices.size() > 1) {
          a.keys.add(q.choices.get((v + 1) % q.choices.size()));
        }
      }
      case "ORDERING" -> {
        for (int i = 0; i < q.options.size(); i++) {
          a.keys.add(q.options.get((i + v) % q.options.size()));
        }
      }
      case "MATCHING" -> {
        for (int i = 0; i < q.prompts.size(); i++) {
          a.matches.put(q.prompts.get(i), q.options.get((i + v) % q.options.size()));
        }
      }
      case "NUMERIC" -> a.text = Integer.toString(l.index * 10_000 + v);
      case "SHORT_ANSWER" -> a.text = "svar " + l.user + " " + v;
      default -> a.text = "Et essay af " + l.user + ", nummer " + v + ".";
    }
    return a;
  }

  static String str(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  static String array(List<String> items) {
    List<String> quoted = new ArrayList<>();
    items.forEach(i -> quoted.add(str(i)));
    return "[" + String.join(",", quoted) + "]";
  }

  static String object(Map<String, String> map) {
    List<String> pairs = new ArrayList<>();
    map.forEach((k, v) -> pairs.add(str(k) + ":" + str(v)));
    return "{" + String.join(",", pairs) + "}";
  }

  static List<Question> parseAttemptPage(String html) {
    List<Question> qs = new ArrayList<>();
    Matcher f = FIELDSET.matcher(html);
    while (f.find()) {
      Question q = new Question();
      q.slot = Integer.parseInt(f.group(1));
      q.type = f.group(2);
      q.version = Long.parseLong(f.group(3));
      String block = f.group(4);
      Matcher c = CHOICE.matcher(block);
      while (c.find()) {
        q.choices.add(c.group(1));
      }
      Matcher p = PROMPT.matcher(block);
      while (p.find()) {
        q.prompts.add(p.group(1));
      }
      Matcher s = SELECT.matcher(block);
      if (s.find()) {
        Matcher o = OPTION.matcher(s.group(1));
        while (o.find()) {
          q.options.add(o.group(1));
        }
      }
      qs.add(q);
    }
    return qs;
  }

  static String viewState(String html, String where) {
    Matcher m = VIEW_STATE.matcher(html);
    if (!m.find()) {
      throw new IllegalStateException("no view state on " + where);
    }
    return m.group(1);
  }

  static String form(Map<String, String> fields) {
    StringBuilder sb = new StringBuilder();
    fields.forEach(
        (k, v) ->
            sb.append(sb.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return sb.toString();
  }

  static HttpRequest.Builder request(Learner l, String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
            .timeout(Duration.ofSeconds(60));
    if (!l.cookies.isEmpty()) {
      b.header("Cookie", l.cookieHeader());
    }
    return b;
  }

  static HttpRequest get(Learner l, String path) {
    return request(l, path).GET().build();
  }

  static HttpRequest postForm(Learner l, String path, Map<String, String> fields) {
    // A browser's form post names its origin; the application refuses one that does not.
    return request(l, path)
        .header("Origin", base)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(BodyPublishers.ofString(form(fields)))
        .build();
  }

  static HttpRequest save(Learner l, Question q, Answer a, long version) {
    return request(l, "/api/quiz-attempts/" + l.attempt + "/answers/" + q.slot)
        .header("Content-Type", "application/json")
        .header("Sec-Fetch-Site", "same-origin")
        .POST(BodyPublishers.ofString(a.body(l.token, version)))
        .build();
  }

  static HttpRequest summary(Learner l) {
    return get(l, "/learner/quiz-summary.xhtml?id=" + l.attempt);
  }

  static HttpRequest handIn(Learner l, String viewState) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("submitForm", "submitForm");
    f.put("attempt", Long.toString(l.attempt));
    f.put("submitForm:submit", "submitForm:submit");
    f.put("jakarta.faces.ViewState", viewState);
    return postForm(l, "/learner/quiz-summary.xhtml", f);
  }

  static boolean handedIn(HttpResponse<?> r) {
    return r.statusCode() == 302
        && r.headers().firstValue("location").orElse("").contains("quiz-review.xhtml");
  }

  /** Sends and takes the answer's cookies; throws on a transport error. */
  static HttpResponse<String> send(Learner l, HttpRequest r) {
    try {
      HttpResponse<String> resp = http.send(r, BodyHandlers.ofString());
      l.take(resp);
      return resp;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<String> expect(Learner l, HttpRequest r, int status, String what) {
    HttpResponse<String> resp = send(l, r);
    if (resp.statusCode() != status) {
      throw new IllegalStateException(
          l.user
              + ": "
              + what
              + " answered "
              + resp.statusCode()
              + " "
              + resp.headers().firstValue("location").orElse(""));
    }
    return resp;
  }

  static void login(Learner l, String password) {
    String page = expect(l, get(l, "/login.xhtml"), 200, "login page").body();
    Map<String, String> f = new LinkedHashMap<>();
    f.put("login", "login");
    f.put("login:username", l.user);
    f.put("login:password", password);
    f.put("login:submit", "");
    f.put("jakarta.faces.ViewState", viewState(page, "the login page"));
    HttpResponse<String> r = send(l, postForm(l, "/login.xhtml", f));
    // 503: all password checks in use right now (a bounded pool); try again, as a person would.
    for (int tries = 0; r.statusCode() == 503 && tries < 300; tries++) {
      try {
        Thread.sleep(100 + (long) (Math.random() * 200));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      r = send(l, postForm(l, "/login.xhtml", f));
    }
    if (r.statusCode() != 302) {
      throw new IllegalStateException(l.user + ": login answered " + r.statusCode());
    }
    if (r.headers().firstValue("location").orElse("").contains("login")) {
      throw new IllegalStateException(l.user + ": login refused");
    }
  }

  /** The quiz page's start button: the open attempt, or a new one. */
  static void start(Learner l, long quiz) {
    String page = expect(l, get(l, "/learner/quiz.xhtml?id=" + quiz), 200, "quiz page").body();
    Map<String, String> f = new LinkedHashMap<>();
    f.put("quizForm", "quizForm");
    f.put("quiz", Long.toString(quiz));
    f.put("quizForm:start", "quizForm:start");
    f.put("jakarta.faces.ViewState", viewState(page, "the quiz page"));
    HttpResponse<String> r = expect(l, postForm(l, "/learner/quiz.xhtml", f), 302, "start");
    Matcher m = ATTEMPT_ID.matcher(r.headers().firstValue("location").orElse(""));
    if (!m.find()) {
      throw new IllegalStateException(
          l.user + ": start went to " + r.headers().firstValue("location"));
    }
    l.attempt = Long.parseLong(m.group(1));
  }

  /** Reads the attempt page: the save token and the questions with their row versions. */
  static void readAttempt(Learner l) {
    String page =
        expect(l, get(l, "/learner/attempt.xhtml?id=" + l.attempt), 200, "attempt page").body();
    Matcher t = TOKEN.matcher(page);
    if (!t.find()) {
      throw new IllegalStateException(l.user + ": no save token on the attempt page");
    }
    l.token = t.group(1);
    List<Question> qs = parseAttemptPage(page);
    if (qs.isEmpty()) {
      throw new IllegalStateException(l.user + ": no questions on the attempt page");
    }
    l.questions = qs;
  }

  static List<Learner> load(String file) throws IOException {
    List<Learner> ls = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(file))) {
      if (!line.isBlank()) {
        ls.add(Learner.parse(line));
      }
    }
    return ls;
  }

  /** Runs {@code work} for every learner on {@code threads} threads; fails on the first error. */
  static void forEach(
      List<Learner> learners, int threads, java.util.function.Consumer<Learner> work)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> fs = new ArrayList<>();
    for (Learner l : learners) {
      fs.add(pool.submit(() -> work.accept(l)));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    pool.shutdown();
  }

  // ---------------------------------------------------------------- statistics

  static final class Stats {
    final String name;
    long[] nanos = new long[1024];
    int n;

    Stats(String name) {
      this.name = name;
    }

    synchronized void add(long t) {
      if (n == nanos.length) {
        nanos = Arrays.copyOf(nanos, n * 2);
      }
      nanos[n++] = t;
    }

    synchronized double ms(double q) {
      if (n == 0) {
        return Double.NaN;
      }
      long[] s = Arrays.copyOf(nanos, n);
      Arrays.sort(s);
      int i = q >= 1 ? n - 1 : Math.max(0, (int) Math.ceil(q * n) - 1);
      return s[i] / 1e6;
    }

    synchronized int count() {
      return n;
    }

    String line() {
      return String.format(
          "%-22s n=%6d  p50 %8.2f  p95 %8.2f  p99 %8.2f  max %8.2f ms",
          name, count(), ms(0.50), ms(0.95), ms(0.99), ms(1));
    }

    void report(String prefix) {
      QuizLoad.report(prefix + ".n", count());
      QuizLoad.report(prefix + ".p50_ms", String.format("%.2f", ms(0.50)));
      QuizLoad.report(prefix + ".p95_ms", String.format("%.2f", ms(0.95)));
      QuizLoad.report(prefix + ".p99_ms", String.format("%.2f", ms(0.99)));
      QuizLoad.report(prefix + ".max_ms", String.format("%.2f", ms(1)));
    }
  }

  /** Answers that were not what a browser gets on success, by what they were. */
  static final class Unexpected {
    final Map<String, AtomicInteger> byKind = new ConcurrentHashMap<>();
    final AtomicInteger total = new AtomicInteger();

    void add(String kind) {
      byKind.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
      total.incrementAndGet();
    }

    String line() {
      return total.get() + (byKind.isEmpty() ? "" : " " + new TreeMap<>(byKind));
    }
  }

  static void writeExpected(Path file, Map<String, String> rows) throws IOException {
    StringBuilder sb =
        new StringBuilder(
            "-- Written by QuizLoad.java: every acknowledged answer, as the server stores it.\n"
                + "CREATE TEMPORARY TABLE bench_expected (attempt_id BIGINT NOT NULL, slot INT NOT"
                + " NULL,\n"
                + "  response LONGTEXT NOT NULL, PRIMARY KEY (attempt_id, slot));\n");
    int i = 0;
    for (Map.Entry<String, String> e : new TreeMap<>(rows).entrySet()) {
      String[] key = e.getKey().split(":");
      sb.append(
          i % 500 == 0 ? (i == 0 ? "" : ";\n") + "INSERT INTO bench_expected VALUES\n" : ",\n");
      sb.append('(')
          .append(key[0])
          .append(',')
          .append(key[1])
          .append(",'")
          .append(e.getValue().replace("\\", "\\\\").replace("'", "''"))
          .append("')");
      i++;
    }
    if (i > 0) {
      sb.append(";\n");
    }
    Files.writeString(file, sb);
  }

  static String key(Learner l, Question q) {
    return l.attempt + ":" + q.slot;
  }

  // ---------------------------------------------------------------- prepare

  static void prepare() throws Exception {
    long quiz = Long.parseLong(opt("quiz", null));
    String password = opt("password", "medborger");
    int threads = intOpt("concurrency", 6);
    for (String group : OPTS.get("group")) {
      String[] g = group.split(":");
      int count = Integer.parseInt(g[1]);
      List<Learner> ls = new ArrayList<>();
      for (int i = 1; i <= count; i++) {
        ls.add(new Learner(String.format("%s%03d", g[0], i), i));
      }
      long t0 = System.nanoTime();
      forEach(
          ls,
          threads,
          l -> {
            login(l, password);
            start(l, quiz);
            readAttempt(l);
          });
      StringBuilder sb = new StringBuilder();
      ls.forEach(l -> sb.append(l.line()).append('\n'));
      Files.writeString(Path.of(g[2]), sb);
      System.out.printf(
          "%d learners %s* logged in, each with an open attempt of %d questions (%.1f s)%n",
          count, g[0], ls.get(0).questions.size(), (System.nanoTime() - t0) / 1e9);
    }
  }

  // ---------------------------------------------------------------- warm-up

  static void warmup() throws Exception {
    long quiz = Long.parseLong(opt("quiz", null));
    List<Learner> ls = load(opt("sessions", null));
    int threads = intOpt("concurrency", 4);
    int roundSeconds = intOpt("round-seconds", 15);
    int maxRounds = intOpt("max-rounds", 16);
    int minRounds = intOpt("min-rounds", 2);
    long quietTicks = intOpt("quiet-ticks", 150);
    String c2 = opt("c2-stat", "");
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong requests = new AtomicLong();
    Unexpected bad = new Unexpected();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> fs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      List<Learner> mine = new ArrayList<>();
      for (int i = t; i < ls.size(); i += threads) {
        mine.add(ls.get(i));
      }
      fs.add(
          pool.submit(
              () -> {
                while (!stop.get()) {
                  for (Learner l : mine) {
                    if (stop.get()) {
                      break;
                    }
                    try {
                      requests.addAndGet(warmCycle(l, quiz, bad));
                    } catch (RuntimeException e) {
                      bad.add(e.getClass().getSimpleName());
                    }
                  }
                }
              }));
    }
    System.out.printf(
        "rounds of %d s, %d learners at once; C2 ticks per round (settled: < %d twice): ",
        roundSeconds, threads, quietTicks);
    int quiet = 0;
    int round = 0;
    long before = requests.get();
    while (round < maxRounds) {
      round++;
      long ticks0 = c2Ticks(c2);
      Thread.sleep(roundSeconds * 1000L);
      long ticks = c2Ticks(c2) - ticks0;
      System.out.print((c2.isEmpty() ? "-" : Long.toString(ticks)) + " ");
      System.out.flush();
      quiet = !c2.isEmpty() && ticks < quietTicks ? quiet + 1 : 0;
      if (round >= minRounds && quiet >= 2) {
        break;
      }
    }
    stop.set(true);
    for (Future<?> f : fs) {
      f.get();
    }
    pool.shutdown();
    boolean settled = quiet >= 2;
    System.out.printf(
        "%n%s after %d rounds: %d requests, unexpected answers %s%n",
        settled ? "settled" : "NOT settled (round limit)",
        round,
        requests.get() - before,
        bad.line());
    report("warmup.rounds", round);
    report("warmup.settled", settled);
    report("warmup.requests", requests.get() - before);
    report("warmup.unexpected", bad.total.get());
  }

  /** CPU seconds used so far by the server's processes ({@code --cpu-pids=payara,mariadbd}). */
  static double[] serverCpu() {
    String pids = opt("cpu-pids", "");
    if (pids.isEmpty()) {
      return new double[0];
    }
    String[] p = pids.split(",");
    double[] s = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      try {
        s[i] = c2Ticks("/proc/" + p[i] + "/stat") / (double) intOpt("clk-tck", 100);
      } catch (IOException | RuntimeException e) {
        s[i] = Double.NaN;
      }
    }
    return s;
  }

  /** Reports what the server's processes used between two {@link #serverCpu()} readings. */
  static void reportServerCpu(
      String prefix, double[] before, double[] after, double seconds, int requests) {
    String[] names = {"payara", "mariadbd"};
    StringBuilder line = new StringBuilder("  server CPU:");
    for (int i = 0; i < before.length && i < names.length; i++) {
      double used = after[i] - before[i];
      report(prefix + "." + names[i] + "_cpu_s", String.format("%.1f", used));
      report(
          prefix + "." + names[i] + "_cpu_ms_per_request",
          String.format("%.2f", 1000 * used / requests));
      line.append(
          String.format(
              " %s %.1f s (%.0f %% of one core, %.2f ms a request)",
              names[i], used, 100 * used / seconds, 1000 * used / requests));
    }
    if (before.length > 0) {
      System.out.println(line);
    }
  }

  static long c2Ticks(String stat) throws IOException {
    if (stat.isEmpty()) {
      return 0;
    }
    String s = Files.readString(Path.of(stat));
    String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime (fields 14, 15)
  }

  /** One learner's round through the quiz; returns the number of requests. */
  static int warmCycle(Learner l, long quiz, Unexpected bad) {
    int n = 0;
    readAttempt(l);
    n++;
    for (Question q : l.questions) {
      HttpResponse<String> r = send(l, save(l, q, answer(l, q, l.cycle), q.version));
      n++;
      if (r.statusCode() != 200) {
        bad.add("save " + r.statusCode());
      }
    }
    expect(l, get(l, "/learner/attempt.xhtml?id=" + l.attempt), 200, "attempt page");
    n++;
    if (++l.cycle % 4 == 0) {
      String page = expect(l, summary(l), 200, "summary page").body();
      HttpResponse<String> r = send(l, handIn(l, viewState(page, "the summary page")));
      n += 2;
      if (!handedIn(r)) {
        bad.add("hand-in " + r.statusCode());
      } else {
        expect(l, get(l, r.headers().firstValue("location").get()), 200, "review");
        n++;
      }
      start(l, quiz);
      n += 2;
    }
    return n;
  }

  // ---------------------------------------------------------------- burst (goal 1)

  static void burst() throws Exception {
    List<Learner> ls = load(opt("sessions", null));
    // The learners have the attempt page open: read it once more, untimed (it also checks every
    // session and warms this client's own code).
    forEach(ls, intOpt("concurrency", 6), QuizLoad::readAttempt);
    Thread.sleep(intOpt("pause-ms", 2000));

    Stats saves = new Stats("save");
    Stats summaries = new Stats("summary page");
    Stats handIns = new Stats("hand-in (POST)");
    Stats flows = new Stats("learner, whole flow");
    Unexpected bad = new Unexpected();
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger handedIn = new AtomicInteger();
    AtomicLong lastDone = new AtomicLong();
    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    long cpu0 = cpuNanos();
    double[] server0 = serverCpu();
    long t0 = System.nanoTime();
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (Learner l : ls) {
      long start = System.nanoTime();
      CompletableFuture<Void> f = CompletableFuture.completedFuture(null);
      for (Question q : l.questions) {
        Answer a = answer(l, q, 0);
        f =
            f.thenCompose(
                x ->
                    timed(l, save(l, q, a, q.version), saves, errors, lastDone)
                        .thenAccept(
                            r -> {
                              if (r == null) {
                                return;
                              }
                              if (r.statusCode() == 200) {
                                acknowledged.put(key(l, q), a.stored());
                              } else {
                                bad.add("save " + r.statusCode());
                              }
                            }));
      }
      f =
          f.thenCompose(x -> timed(l, summary(l), summaries, errors, lastDone))
              .thenCompose(
                  r -> {
                    if (r == null
                        || r.statusCode() != 200
                        || !VIEW_STATE.matcher(r.body()).find()) {
                      bad.add("summary " + (r == null ? "error" : r.statusCode()));
                      return CompletableFuture.completedFuture(null);
                    }
                    return timed(
                        l, handIn(l, viewState(r.body(), "summary")), handIns, errors, lastDone);
                  })
              .thenAccept(
                  r -> {
                    if (r != null && handedIn(r)) {
                      handedIn.incrementAndGet();
                    } else if (r != null) {
                      bad.add("hand-in " + r.statusCode());
                    }
                    flows.add(System.nanoTime() - start);
                  });
      all.add(f);
    }
    CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).get(300, TimeUnit.SECONDS);
    double wall = (lastDone.get() - t0) / 1e9;
    double cpu = (cpuNanos() - cpu0) / 1e9;
    double[] server1 = serverCpu();
    writeExpected(Path.of(opt("expected", null)), acknowledged);

    System.out.printf(
        "%d learners at once, %d questions each: wall time %.2f s (first request to last answer)%n",
        ls.size(), ls.get(0).questions.size(), wall);
    for (Stats s : List.of(saves, summaries, handIns, flows)) {
      System.out.println("  " + s.line());
    }
    System.out.printf(
        "  acknowledged saves %d, hand-ins %d of %d, unexpected answers %s, transport errors %d%n",
        acknowledged.size(), handedIn.get(), ls.size(), bad.line(), errors.get());
    int requests = saves.count() + summaries.count() + handIns.count();
    System.out.printf(
        "  %d requests in %.2f s: %.0f requests/s; load client CPU %.1f s (%.0f %% of one core)%n",
        requests, wall, requests / wall, cpu, 100 * cpu / wall);
    reportServerCpu("burst", server0, server1, wall, requests);
    report("burst.requests_per_s", String.format("%.0f", requests / wall));
    report("burst.learners", ls.size());
    report("burst.wall_s", String.format("%.2f", wall));
    saves.report("burst.save");
    summaries.report("burst.summary");
    handIns.report("burst.handin");
    flows.report("burst.flow");
    report("burst.acknowledged", acknowledged.size());
    report("burst.handed_in", handedIn.get());
    report("burst.unexpected", bad.total.get());
    report("burst.unexpected_detail", bad.line());
    report("burst.errors", errors.get());
    report("burst.client_cpu_pct", String.format("%.0f", 100 * cpu / wall));
  }

  /** Sends asynchronously, times the answer (null on a transport error, which is counted). */
  static CompletableFuture<HttpResponse<String>> timed(
      Learner l, HttpRequest r, Stats stats, AtomicInteger errors, AtomicLong lastDone) {
    long t0 = System.nanoTime();
    return http.sendAsync(r, BodyHandlers.ofString())
        .handle(
            (resp, err) -> {
              long now = System.nanoTime();
              lastDone.accumulateAndGet(now, Math::max);
              if (err != null) {
                if (errors.incrementAndGet() <= 5) {
                  System.err.println(l.user + ": " + err);
                }
                return null;
              }
              stats.add(now - t0);
              l.take(resp);
              return resp;
            });
  }

  // ---------------------------------------------------------------- sustained (goal 3)

  static void sustained() throws Exception {
    List<Learner> ls = load(opt("sessions", null));
    forEach(ls, intOpt("concurrency", 6), QuizLoad::readAttempt);
    int seconds = intOpt("seconds", 30);
    int ramp = intOpt("ramp-seconds", 5);
    Run run = new Run();
    long t0 = System.nanoTime();
    run.measureFrom = t0 + ramp * 1_000_000_000L;
    run.end = run.measureFrom + seconds * 1_000_000_000L;
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (Learner l : ls) {
      Map<Integer, Long> versions = new ConcurrentHashMap<>();
      l.questions.forEach(q -> versions.put(q.slot, q.version));
      CompletableFuture<Void> done = new CompletableFuture<>();
      all.add(done);
      step(run, l, 0, versions, done);
    }
    Thread.sleep(ramp * 1000L);
    long cpu0 = cpuNanos();
    double[] server0 = serverCpu();
    Thread.sleep(seconds * 1000L);
    double cpu = (cpuNanos() - cpu0) / 1e9;
    double[] server1 = serverCpu();
    CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).get(120, TimeUnit.SECONDS);
    writeExpected(Path.of(opt("expected", null)), run.latest);
    double rate = run.measuredAcks.get() / (double) seconds;
    System.out.printf(
        "%d learners, one request at a time each, %d s (after %d s not counted): %.0f saves/s%n",
        ls.size(), seconds, ramp, rate);
    System.out.println("  " + run.saves.line());
    System.out.printf(
        "  saves started in the window %d, acknowledged %d; unexpected answers %s, transport errors"
            + " %d%n",
        run.measured.get(), run.measuredAcks.get(), run.bad.line(), run.errors.get());
    System.out.printf(
        "  acknowledged in all (ramp included) %d; load client CPU in the window %.1f s (%.0f %% of"
            + " one core)%n",
        run.acks.get(), cpu, 100 * cpu / seconds);
    reportServerCpu("sustained", server0, server1, seconds, Math.max(1, run.measured.get()));
    report("sustained.learners", ls.size());
    report("sustained.seconds", seconds);
    report("sustained.saves_per_s", String.format("%.0f", rate));
    run.saves.report("sustained.save");
    report("sustained.acknowledged_total", run.acks.get());
    report("sustained.unexpected", run.bad.total.get());
    report("sustained.unexpected_detail", run.bad.line());
    report("sustained.errors", run.errors.get());
    report("sustained.client_cpu_pct", String.format("%.0f", 100 * cpu / seconds));
  }

  /** The shared state of a sustained run. */
  static final class Run {
    long measureFrom;
    long end;
    final Stats saves = new Stats("save");
    final Stats ramp = new Stats("ramp");
    final Unexpected bad = new Unexpected();
    final AtomicInteger errors = new AtomicInteger();
    final AtomicInteger acks = new AtomicInteger();
    final AtomicInteger measuredAcks = new AtomicInteger();
    final AtomicInteger measured = new AtomicInteger();
    final AtomicLong lastDone = new AtomicLong();
    final Map<String, String> latest = new ConcurrentHashMap<>();
  }

  /**
   * One learner saving answers one after the other, the first question to the last and round again,
   * each with the row version the last save returned (as the page's script does). Saves that start
   * in the measured window are timed and counted; the next save starts when the answer arrives.
   */
  static void step(
      Run run, Learner l, int n, Map<Integer, Long> versions, CompletableFuture<Void> done) {
    long now = System.nanoTime();
    if (now >= run.end) {
      done.complete(null);
      return;
    }
    boolean counted = now >= run.measureFrom;
    Question q = l.questions.get(n % l.questions.size());
    Answer a = answer(l, q, n / l.questions.size() + 1);
    if (counted) {
      run.measured.incrementAndGet();
    }
    timed(
            l,
            save(l, q, a, versions.get(q.slot)),
            counted ? run.saves : run.ramp,
            run.errors,
            run.lastDone)
        .thenAccept(
            r -> {
              if (r != null && r.statusCode() == 200) {
                run.acks.incrementAndGet();
                if (counted) {
                  run.measuredAcks.incrementAndGet();
                }
                run.latest.put(key(l, q), a.stored());
                Matcher m = SAVED_VERSION.matcher(r.body());
                if (m.find()) {
                  versions.put(q.slot, Long.parseLong(m.group(1)));
                }
              } else if (r != null && counted) {
                run.bad.add("save " + r.statusCode());
              }
              step(run, l, n + 1, versions, done);
            })
        .exceptionally(
            e -> {
              done.completeExceptionally(e);
              return null;
            });
  }
}

package dk.medborger.lms.demo;

import dk.medborger.lms.assignments.boundary.AssignmentGrading;
import dk.medborger.lms.assignments.boundary.AssignmentViews;
import dk.medborger.lms.assignments.boundary.AssignmentWork;
import dk.medborger.lms.assignments.boundary.CommentBank;
import dk.medborger.lms.courses.boundary.CourseCatalog;
import dk.medborger.lms.courses.boundary.CourseOutline;
import dk.medborger.lms.courses.boundary.Enrolments;
import dk.medborger.lms.courses.boundary.Teaching;
import dk.medborger.lms.courses.entity.ActivityKind;
import dk.medborger.lms.identity.boundary.ApiTokens;
import dk.medborger.lms.identity.boundary.Organisation;
import dk.medborger.lms.identity.boundary.ReportScopes;
import dk.medborger.lms.identity.boundary.UserAccounts;
import dk.medborger.lms.identity.entity.JobRole;
import dk.medborger.lms.identity.entity.Role;
import dk.medborger.lms.identity.entity.UnitKind;
import dk.medborger.lms.platform.CourseSeeding;
import dk.medborger.lms.platform.StartupOrder;
import dk.medborger.lms.progress.boundary.LearnerProgress;
import dk.medborger.lms.quizzes.boundary.QuestionBank;
import dk.medborger.lms.quizzes.boundary.QuizTaking;
import dk.medborger.lms.quizzes.boundary.QuizViews;
import dk.medborger.lms.quizzes.entity.Response;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Demo mode ({@code medborger.demo=true}, the default with the embedded database): three
 * municipalities with library and borgerservice units, the demo logins {@code learner}, {@code
 * instructor}, {@code hr} and {@code admin} (password {@code medborger}) and sixteen more learners
 * at varied progress — some done, some overdue, quizzes passed, failed once or left open — created
 * once, through the same services users call; {@code instructor} teaches both courses.
 */
@ApplicationScoped
public class DemoData {

  public static final String PASSWORD = "medborger";

  private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

  @Inject
  @ConfigProperty(name = "medborger.demo", defaultValue = "false")
  boolean demo;

  @Inject Organisation organisation;

  @Inject ReportScopes scopes;

  @Inject ApiTokens apiTokens;

  @Inject UserAccounts accounts;

  @Inject CourseCatalog catalog;

  @Inject Enrolments enrolments;

  @Inject LearnerProgress progress;

  @Inject QuizTaking quizzes;

  @Inject QuestionBank bank;

  @Inject Teaching teaching;

  @Inject AssignmentWork assignments;

  @Inject AssignmentGrading grading;

  @Inject CommentBank commentBank;

  @Inject Clock clock;

  /** A demo person: where they work, and how far they are (lessons completed, due in days). */
  record Person(
      String username,
      String fullName,
      String unit,
      JobRole job,
      Set<Role> roles,
      int lessonsDone,
      Integer dueInDays) {}

  static final Map<String, List<String[]>> UNITS = new LinkedHashMap<>();

  static {
    UNITS.put(
        "Skanderborg Kommune",
        List.of(
            new String[] {"Skanderborg Bibliotek", "LIBRARY"},
            new String[] {"Borgerservice Skanderborg", "CITIZEN_SERVICE"},
            new String[] {"Ry Bibliotek og Borgerservice", "COMBINED"},
            new String[] {"HR og Personale, Skanderborg Kommune", "ADMINISTRATION"}));
    UNITS.put(
        "Kolding Kommune",
        List.of(
            new String[] {"Kolding Hovedbibliotek", "LIBRARY"},
            new String[] {"Borgerservice Kolding", "CITIZEN_SERVICE"},
            new String[] {"Christiansfeld Bibliotek og Borgerservice", "COMBINED"}));
    UNITS.put(
        "Horsens Kommune",
        List.of(
            new String[] {"Horsens Bibliotek", "LIBRARY"},
            new String[] {"Borgerservice Horsens", "CITIZEN_SERVICE"}));
  }

  /** Demo learners who failed a quiz once before passing it. */
  static final Set<String> FAILED_ONCE = Set.of("learner", "peter.nielsen", "ida.rasmussen");

  static final List<Person> PEOPLE =
      List.of(
          new Person(
              "learner",
              "Mette Skov",
              "Skanderborg Bibliotek",
              JobRole.LIBRARIAN,
              EnumSet.of(Role.LEARNER),
              4,
              45),
          new Person(
              "instructor",
              "Jens Holm",
              "Skanderborg Bibliotek",
              JobRole.CONSULTANT,
              EnumSet.of(Role.INSTRUCTOR),
              0,
              null),
          new Person(
              "instructor.horsens",
              "Lise Dam",
              "Horsens Bibliotek",
              JobRole.CONSULTANT,
              EnumSet.of(Role.INSTRUCTOR),
              0,
              null),
          new Person(
              "hr",
              "Hanne Bach",
              "HR og Personale, Skanderborg Kommune",
              JobRole.MANAGER,
              EnumSet.of(Role.HR),
              0,
              null),
          new Person(
              "hr.skanderborg",
              "Susanne Kjær",
              "HR og Personale, Skanderborg Kommune",
              JobRole.CONSULTANT,
              EnumSet.of(Role.HR),
              0,
              null),
          new Person(
              "admin",
              "Anders Lund",
              "HR og Personale, Skanderborg Kommune",
              JobRole.MANAGER,
              EnumSet.of(Role.ADMIN),
              0,
              null),
          new Person(
              "anna.jensen",
              "Anna Jensen",
              "Borgerservice Skanderborg",
              JobRole.CITIZEN_SERVICE_OFFICER,
              EnumSet.of(Role.LEARNER),
              25,
              30),
          new Person(
              "peter.nielsen",
              "Peter Nielsen",
              "Borgerservice Skanderborg",
              JobRole.CITIZEN_SERVICE_OFFICER,
              EnumSet.of(Role.LEARNER),
              12,
              -14),
          new Person(
              "lone.hansen",
              "Lone Hansen",
              "Ry Bibliotek og Borgerservice",
              JobRole.LIBRARY_ASSISTANT,
              EnumSet.of(Role.LEARNER),
              0,
              60),
          new Person(
              "karsten.moeller",
              "Karsten Møller",
              "Ry Bibliotek og Borgerservice",
              JobRole.MANAGER,
              EnumSet.of(Role.LEARNER, Role.HR),
              25,
              10),
          new Person(
              "sofie.larsen",
              "Sofie Larsen",
              "Kolding Hovedbibliotek",
              JobRole.LIBRARIAN,
              EnumSet.of(Role.LEARNER),
              9,
              20),
          new Person(
              "mads.poulsen",
              "Mads Poulsen",
              "Kolding Hovedbibliotek",
              JobRole.LIBRARY_ASSISTANT,
              EnumSet.of(Role.LEARNER),
              3,
              -30),
          new Person(
              "birgitte.kristensen",
              "Birgitte Kristensen",
              "Borgerservice Kolding",
              JobRole.CITIZEN_SERVICE_OFFICER,
              EnumSet.of(Role.LEARNER),
              25,
              -5),
          new Person(
              "ahmad.rahimi",
              "Ahmad Rahimi",
              "Borgerservice Kolding",
              JobRole.CITIZEN_SERVICE_OFFICER,
              EnumSet.of(Role.LEARNER),
              17,
              15),
          new Person(
              "camilla.thomsen",
              "Camilla Thomsen",
              "Christiansfeld Bibliotek og Borgerservice",
              JobRole.LIBRARIAN,
              EnumSet.of(Role.LEARNER),
              1,
              -2),
          new Person(
              "henrik.andersen",
              "Henrik Andersen",
              "Christiansfeld Bibliotek og Borgerservice",
              JobRole.MANAGER,
              EnumSet.of(Role.LEARNER),
              0,
              null),
          new Person(
              "ida.rasmussen",
              "Ida Rasmussen",
              "Horsens Bibliotek",
              JobRole.LIBRARIAN,
              EnumSet.of(Role.LEARNER),
              21,
              7),
          new Person(
              "jonas.pedersen",
              "Jonas Pedersen",
              "Horsens Bibliotek",
              JobRole.LIBRARY_ASSISTANT,
              EnumSet.of(Role.LEARNER),
              6,
              -21),
          new Person(
              "fatima.hussein",
              "Fatima Hussein",
              "Borgerservice Horsens",
              JobRole.CITIZEN_SERVICE_OFFICER,
              EnumSet.of(Role.LEARNER),
              25,
              40),
          new Person(
              "lars.christensen",
              "Lars Christensen",
              "Borgerservice Horsens",
              JobRole.CITIZEN_SERVICE_OFFICER,
              EnumSet.of(Role.LEARNER),
              14,
              25),
          new Person(
              "maria.sorensen",
              "Maria Sørensen",
              "Skanderborg Bibliotek",
              JobRole.LIBRARY_ASSISTANT,
              EnumSet.of(Role.LEARNER),
              2,
              50),
          new Person(
              "ole.frederiksen",
              "Ole Frederiksen",
              "Borgerservice Skanderborg",
              JobRole.MANAGER,
              EnumSet.of(Role.LEARNER),
              8,
              -60));

  /**
   * Whom the HR users see in reports: {@code hr} everyone, {@code hr.skanderborg} Skanderborg
   * Kommune, and Karsten Møller, who leads Ry Bibliotek og Borgerservice, his own unit.
   */
  static final Map<String, String> REPORT_SCOPES =
      Map.of(
          "hr", "",
          "hr.skanderborg", "Skanderborg Kommune",
          "karsten.moeller", "Ry Bibliotek og Borgerservice");

  /**
   * The API token demo mode gives {@code hr.skanderborg} (the README prints it): known, so anyone
   * can try the report API at once. Never used outside demo mode.
   */
  public static final String DEMO_TOKEN = "mbr_demo-skanderborg-hr-system-2026";

  /** Demo learners who also take the course on teaching "Lær mere om it" (not {@code learner}). */
  static final Set<String> TEACHERS =
      Set.of("anna.jensen", "sofie.larsen", "ida.rasmussen", "lars.christensen", "lone.hansen");

  /** One transaction for all of it: a demo half created is no demo. */
  @Transactional
  void seed(
      @Observes @Priority(StartupOrder.DEMO_DATA) @Initialized(ApplicationScoped.class)
          Object event) {
    if (!demo || accounts.findByUsername("learner").isPresent()) {
      return;
    }
    long started = System.nanoTime();
    Map<String, Long> units = new LinkedHashMap<>();
    Map<String, Long> municipalities = new LinkedHashMap<>();
    UNITS.forEach(
        (municipalityName, list) -> {
          long municipality = organisation.createMunicipality(municipalityName);
          municipalities.put(municipalityName, municipality);
          for (String[] u : list) {
            units.put(u[0], organisation.createUnit(municipality, u[0], UnitKind.valueOf(u[1])));
          }
        });
    // One hash for all demo accounts: hashing is deliberately slow (0.2–0.4 s).
    String hash = accounts.hashPassword(PASSWORD.toCharArray());
    long courseId = catalog.findIdBySlug(CourseSeeding.DIGITAL_CITIZENSHIP).orElseThrow();
    List<CourseOutline.Item> activities = catalog.outline(courseId).activitiesInOrder();
    long teachingId = catalog.findIdBySlug(CourseSeeding.TEACHING_IT).orElseThrow();
    List<Long> teachingLessons =
        catalog.outline(teachingId).activitiesInOrder().stream()
            .map(CourseOutline.Item::id)
            .toList();
    LocalDate today = LocalDate.now(clock);
    Map<String, Long> ids = new LinkedHashMap<>();
    for (Person p : PEOPLE) {
      long userId =
          accounts.create(
              p.username(), hash, p.fullName(), units.get(p.unit()), p.job(), p.roles());
      // An address of the reserved .example domain: demo mails wait in the outbox, readable there.
      accounts.changeEmail(userId, p.username() + "@medborger.example");
      ids.put(p.username(), userId);
      if (p.roles().contains(Role.INSTRUCTOR)) {
        // instructor.horsens teaches only "Lær mere om it": an instructor of another course.
        if (!p.username().equals("instructor.horsens")) {
          teaching.assign(courseId, userId);
        }
        teaching.assign(teachingId, userId);
      }
      String scope = REPORT_SCOPES.get(p.username());
      if (scope != null) {
        if (scope.isEmpty()) {
          scopes.grantEveryone(userId);
        } else if (municipalities.containsKey(scope)) {
          scopes.grantMunicipality(userId, municipalities.get(scope));
        } else {
          scopes.grantUnit(userId, units.get(scope));
        }
      }
      if (p.username().equals("hr.skanderborg")) {
        apiTokens.createKnown(
            userId,
            "Demo: HR-system",
            DEMO_TOKEN,
            clock.instant().plus(java.time.Duration.ofDays(366)));
      }
      if (!p.roles().contains(Role.LEARNER)) {
        continue;
      }
      enrolments.enrol(
          userId, courseId, p.dueInDays() == null ? null : today.plusDays(p.dueInDays()));
      takeCourse(userId, activities, p);
      // Those who teach "Lær mere om it" also take the short course on planning one.
      if (TEACHERS.contains(p.username())) {
        enrolments.enrol(userId, teachingId, today.plusDays(90));
        for (int i = 0; i < Math.min(p.lessonsDone() / 8, teachingLessons.size()); i++) {
          progress.complete(userId, teachingLessons.get(i));
        }
      }
    }
    reflections(activities, ids);
    for (String instructor : List.of("instructor", "instructor.horsens")) {
      for (String comment : COMMENTS) {
        commentBank.add(ids.get(instructor), comment);
      }
    }
    LOG.info(
        () ->
            String.format(
                "Demo data created: %d people in %d units (%.1f s)",
                PEOPLE.size(), units.size(), (System.nanoTime() - started) / 1e9));
  }

  /**
   * Takes the course as far as the person got: {@code lessonsDone} lessons, and the quiz at the end
   * of every module they went past (some failing it once first); a learner who stopped right before
   * a quiz has an attempt open with two questions answered, the others have the next lesson open.
   */
  private void takeCourse(long userId, List<CourseOutline.Item> activities, Person p) {
    int lessons = 0;
    for (int i = 0; i < activities.size(); i++) {
      CourseOutline.Item activity = activities.get(i);
      boolean allLessonsDone =
          lessons >= activities.stream().filter(a -> a.kind() == ActivityKind.LESSON).count();
      if (activity.kind() == ActivityKind.LESSON) {
        if (lessons == p.lessonsDone()) {
          if (lessons > 0) {
            progress.openLesson(userId, activity.id());
          }
          return;
        }
        progress.complete(userId, activity.id());
        lessons++;
      } else if (activity.kind() == ActivityKind.QUIZ) {
        if (lessons == p.lessonsDone() && !allLessonsDone) {
          if (lessons > 0) {
            answer(userId, quizzes.start(userId, activity.id()), 2);
          }
          return;
        }
        if (FAILED_ONCE.contains(p.username()) && i < 8) {
          quizzes.submit(userId, answer(userId, quizzes.start(userId, activity.id()), 1));
        }
        quizzes.submit(userId, answer(userId, quizzes.start(userId, activity.id()), 99));
      }
    }
  }

  /** Saves the right answers to the first {@code questions} questions of an attempt. */
  private long answer(long userId, long attemptId, int questions) {
    QuizViews.AttemptPage page = quizzes.attempt(userId, attemptId);
    Map<Integer, Response> right = bank.modelAnswers(attemptId);
    for (QuizViews.QuestionView q : page.questions()) {
      if (q.slot() <= questions) {
        quizzes.save(userId, attemptId, page.token(), q.slot(), right.get(q.slot()), q.version());
      }
    }
    return attemptId;
  }

  /** The demo instructors' comment banks: feedback that fits many reflections. */
  static final List<String> COMMENTS =
      List.of(
          "Tak for en konkret og ærlig refleksion. Du beskriver situationen, så man kan se den"
              + " for sig.",
          "Godt, at du lod borgeren selv have hænderne på tastaturet – det er hjælp til"
              + " selvhjælp, og borgeren kan gøre det igen derhjemme.",
          "Beskriv gerne mere præcist, hvad du selv gjorde, og hvorfor du valgte at gøre det på"
              + " den måde.",
          "Du mangler at pege på, hvad du vil gøre anderledes næste gang. Vælg én ting, og skriv,"
              + " hvordan du vil gøre det.",
          "Husk at skrive uden oplysninger, der kan føre tilbage til borgeren – heller ikke alder,"
              + " adresse eller sagsnummer.",
          "Din pointe kan dine kolleger bruge. Overvej at dele den på jeres næste personalemøde.");

  /** Reflections handed in: {username, module number, text (rich text, as the editor writes)}. */
  static final List<String[]> REFLECTIONS =
      List.of(
          new String[] {
            "learner",
            "1",
            "<p>En ældre borger kom til skranken, fordi hun ikke kunne finde et brev fra kommunen i"
                + " Digital Post. Hun havde fået en ny telefon og troede, at brevene var væk. Jeg"
                + " viste hende, hvordan hun selv kunne logge på borger.dk med MitID-appen, og vi"
                + " fandt brevet sammen.</p><p>Det virkede, at hun selv havde hænderne på"
                + " telefonen, og at jeg skrev <strong>de tre trin</strong> ned på en seddel:</p>"
                + "<ol><li>Åbn MitID-appen.</li><li>Log på borger.dk.</li><li>Find Digital Post"
                + " under »Mine sider«.</li></ol><p>Næste gang vil jeg spørge tidligere, om hun har"
                + " pårørende, der hjælper hende, så hun ved, hvem hun kan ringe til.</p>"
          },
          new String[] {
            "anna.jensen",
            "1",
            "<p>En ung mand skulle søge om boligstøtte, men havde aldrig brugt sit MitID. Han var"
                + " flov over at spørge. Jeg tog ham med hen til en skærm ved siden af skranken,"
                + " så køen ikke så med, og lod ham selv gå igennem ansøgningen, mens jeg forklarede"
                + " ordene.</p><h3>Det virkede</h3><ul><li>at tale i <em>hans</em> tempo</li>"
                + "<li>at køen ikke kunne se med</li></ul><p>Næste gang vil jeg fortælle om"
                + " bibliotekets it-café, så han ved, hvor han kan få hjælp senere.</p>"
          },
          new String[] {
            "anna.jensen",
            "2",
            "<p>Historien om borgeren, der havde glemt sin adgangskode, kendte jeg igen fra en travl"
                + " mandag. Hos os har vi lavet en fast vejledning, som vi printer ud, og vi henviser"
                + " til it-caféen om torsdagen. Mine kolleger kan lære, at det betaler sig at tage"
                + " fem minutter ekstra første gang, så borgeren ikke kommer igen med samme"
                + " problem.</p>"
          },
          new String[] {
            "sofie.larsen",
            "1",
            "<p>Jeg hjalp en borger med Digital Post. Det gik fint, og hun blev glad.</p>"
          },
          new String[] {
            "karsten.moeller",
            "1",
            "<p>En borger ville have hjælp til at underskrive en lejekontrakt digitalt. Jeg"
                + " forklarede, at jeg ikke må se hendes MitID, og viste hende i stedet på min egen"
                + " demonstrationsskærm, hvordan det foregår. Det virkede, at hun forstod, hvorfor"
                + " jeg holdt afstand. Næste gang vil jeg have en kort folder klar om"
                + " <a href=\"https://www.borger.dk\">sikker brug af MitID</a>.</p>"
          });

  /**
   * Demo learners' reflections, through the same services learners and instructors use: some wait
   * in the grading queue, Mette Skov's is graded and released with a feedback file (a PDF of the
   * instructor's comments), Sofie Larsen's is returned for revision.
   */
  private void reflections(List<CourseOutline.Item> activities, Map<String, Long> ids) {
    List<CourseOutline.Item> reflections =
        activities.stream().filter(a -> a.kind() == ActivityKind.ASSIGNMENT).toList();
    if (reflections.isEmpty()) {
      return;
    }
    for (String[] r : REFLECTIONS) {
      long userId = ids.get(r[0]);
      long assignment = reflections.get(Integer.parseInt(r[1]) - 1).id();
      assignments.saveDraft(userId, assignment, r[2]);
      assignments.submit(userId, assignment, true, null);
    }
    long instructor = ids.get("instructor");
    long first = reflections.get(0).id();
    for (AssignmentViews.QueueRow row :
        grading.queue(instructor, new AssignmentViews.QueueFilter(null, first, null, null))) {
      AssignmentViews.GradingPage page = grading.page(instructor, row.id());
      if ("Mette Skov".equals(row.learner().name())) {
        grading.attachFeedbackFile(
            instructor,
            row.id(),
            "Kommentarer til din refleksion.pdf",
            new java.io.ByteArrayInputStream(
                DemoFiles.pdf(
                    "Kommentarer til din refleksion",
                    "Jens Holm",
                    List.of(
                        "1. Godt, at borgeren selv havde hænderne på telefonen.",
                        "2. Sedlen med de tre trin kan dine kolleger bruge: del den på",
                        "   næste personalemøde.",
                        "3. Næste gang: skriv også, hvad du ville gøre, hvis borgeren",
                        "   ikke havde sin telefon med."))));
        Map<Long, String> passed = new LinkedHashMap<>();
        page.criteria().forEach(c -> passed.put(c.id(), "PASS"));
        grading.grade(
            instructor,
            row.id(),
            page.version(),
            passed,
            null,
            "Fin og konkret refleksion. Det er godt, at borgeren selv havde hænderne på"
                + " telefonen – og sedlen med de tre trin er en god idé, som dine kolleger kan"
                + " bruge.",
            true);
      } else if ("Sofie Larsen".equals(row.learner().name())) {
        grading.requestRevision(
            instructor,
            row.id(),
            page.version(),
            "Tak for din aflevering. Beskriv gerne mere konkret, hvad borgeren ville, hvad du"
                + " gjorde, og hvad du vil gøre anderledes næste gang – se kriterierne.");
      }
    }
  }
}

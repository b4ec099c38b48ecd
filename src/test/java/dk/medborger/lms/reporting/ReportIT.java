package dk.medborger.lms.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.courses.boundary.CourseCatalog;
import dk.medborger.lms.courses.boundary.CourseOutline;
import dk.medborger.lms.courses.boundary.Enrolments;
import dk.medborger.lms.identity.boundary.Organisation;
import dk.medborger.lms.identity.boundary.ReportScopes;
import dk.medborger.lms.identity.boundary.UserAccounts;
import dk.medborger.lms.identity.entity.JobRole;
import dk.medborger.lms.identity.entity.Role;
import dk.medborger.lms.identity.entity.UnitKind;
import dk.medborger.lms.platform.Clocks;
import dk.medborger.lms.platform.CourseSeeding;
import dk.medborger.lms.platform.ForbiddenException;
import dk.medborger.lms.platform.NotFoundException;
import dk.medborger.lms.progress.boundary.LearnerProgress;
import dk.medborger.lms.reporting.boundary.CompletionReports;
import dk.medborger.lms.reporting.boundary.CompletionReports.Group;
import dk.medborger.lms.reporting.boundary.CompletionReports.People;
import dk.medborger.lms.reporting.boundary.CompletionReports.Report;
import dk.medborger.lms.reporting.boundary.ReportExports;
import dk.medborger.lms.reporting.boundary.ReportFilter;
import dk.medborger.lms.reporting.control.ReportSql.PeopleOrder;
import dk.medborger.lms.testing.Deployments;
import dk.medborger.lms.testing.TestDatabase;
import jakarta.inject.Inject;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Completion reports on a small fixed organisation of their own, through the services on a real
 * Payara Micro and MariaDB: figures checked against what the data set gives by hand (not started,
 * in progress, completed, overdue), Danish order, filters, the scope held in every query, a scope
 * removed counting from the next call, and the CSV export read back.
 */
@ExtendWith({TestDatabase.class, ArquillianExtension.class})
class ReportIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.withMailServer(ReportIT.class);
  }

  @Inject Organisation organisation;
  @Inject UserAccounts accounts;
  @Inject Enrolments enrolments;
  @Inject LearnerProgress progress;
  @Inject CourseCatalog catalog;
  @Inject ReportScopes scopes;
  @Inject CompletionReports reports;
  @Inject ReportExports exports;

  /**
   * The data set: municipality "Nord" with units A and B, municipality "Syd" with unit C, and the
   * course "Lær mere om it" (4 lessons). In A: Zacharias completed, Åse halfway and a day overdue,
   * Øjvind not started (due in a month); in B: Anders not started, a week overdue; in C: Bodil
   * completed.
   */
  private record World(
      long course,
      long nord,
      long syd,
      long unitA,
      long unitB,
      long unitC,
      Map<String, Long> people,
      long hr) {}

  private World world() {
    String tag = " " + System.nanoTime();
    long nord = organisation.createMunicipality("Nord" + tag);
    long syd = organisation.createMunicipality("Syd" + tag);
    long unitA = organisation.createUnit(nord, "A-bibliotek", UnitKind.LIBRARY);
    long unitB = organisation.createUnit(nord, "B-borgerservice", UnitKind.CITIZEN_SERVICE);
    long unitC = organisation.createUnit(syd, "C-bibliotek", UnitKind.LIBRARY);
    long course = catalog.findIdBySlug(CourseSeeding.TEACHING_IT).orElseThrow();
    List<CourseOutline.Item> lessons = catalog.outline(course).activitiesInOrder();
    LocalDate today = LocalDate.now(Clocks.DANISH_TIME);
    Map<String, Long> people = new HashMap<>();
    people.put("Zacharias", learner("Zacharias", tag, unitA, JobRole.LIBRARIAN));
    people.put("Åse", learner("Åse", tag, unitA, JobRole.LIBRARY_ASSISTANT));
    people.put("Øjvind", learner("Øjvind", tag, unitA, JobRole.LIBRARIAN));
    people.put("Anders", learner("Anders", tag, unitB, JobRole.CITIZEN_SERVICE_OFFICER));
    people.put("Bodil", learner("Bodil", tag, unitC, JobRole.LIBRARIAN));
    enrolments.enrol(people.get("Zacharias"), course, today.minusDays(3));
    enrolments.enrol(people.get("Åse"), course, today.minusDays(1));
    enrolments.enrol(people.get("Øjvind"), course, today.plusDays(30));
    enrolments.enrol(people.get("Anders"), course, today.minusDays(7));
    enrolments.enrol(people.get("Bodil"), course, null);
    for (CourseOutline.Item lesson : lessons) {
      progress.complete(people.get("Zacharias"), lesson.id());
      progress.complete(people.get("Bodil"), lesson.id());
    }
    progress.complete(people.get("Åse"), lessons.get(0).id());
    progress.complete(people.get("Åse"), lessons.get(1).id());
    long hr =
        accounts.create(
            "report.hr" + tag.strip(),
            "PBKDF2WithHmacSHA512:1:AAAA:AAAA",
            "Test HR",
            null,
            JobRole.CONSULTANT,
            EnumSet.of(Role.HR));
    scopes.grantMunicipality(hr, nord);
    return new World(course, nord, syd, unitA, unitB, unitC, people, hr);
  }

  private long learner(String name, String tag, long unit, JobRole role) {
    return accounts.create(
        "report." + name.toLowerCase() + tag.strip(),
        "PBKDF2WithHmacSHA512:1:AAAA:AAAA",
        name + " Test",
        unit,
        role,
        EnumSet.of(Role.LEARNER));
  }

  private static ReportFilter filter(String query) {
    Map<String, String> parameters = new HashMap<>();
    for (String pair : query.split("&")) {
      if (!pair.isEmpty()) {
        String[] kv = pair.split("=", 2);
        parameters.put(kv[0], kv[1]);
      }
    }
    return ReportFilter.of(parameters::get);
  }

  @Test
  void theFiguresAreWhatTheDataSetGivesByHandPerMunicipalityAndPerUnit() {
    World w = world();
    Report all = reports.report(w.hr(), filter("course=" + w.course()));
    assertEquals(CompletionReports.Level.MUNICIPALITY, all.level());
    assertEquals(1, all.groups().size(), "only the municipality in scope");
    CompletionReports.Figures nord = all.total();
    assertEquals(4, nord.enrolled());
    assertEquals(2, nord.notStarted());
    assertEquals(1, nord.inProgress());
    assertEquals(1, nord.completed());
    assertEquals(2, nord.overdue(), "Åse and Anders; Zacharias completed, so not overdue");
    assertEquals(new BigDecimal("25.0"), nord.completionPercent());
    assertNull(nord.quizPercent(), "the course has no quizzes");

    Report units =
        reports.report(w.hr(), filter("course=" + w.course() + "&municipality=" + w.nord()));
    assertEquals(CompletionReports.Level.UNIT, units.level());
    assertEquals(
        List.of("A-bibliotek", "B-borgerservice"),
        units.groups().stream().map(Group::name).toList());
    CompletionReports.Figures a = units.groups().get(0).figures();
    assertEquals(
        List.of(3L, 1L, 1L, 1L, 1L),
        List.of(a.enrolled(), a.notStarted(), a.inProgress(), a.completed(), a.overdue()));
    assertEquals(new BigDecimal("33.3"), a.completionPercent());
    CompletionReports.Figures b = units.groups().get(1).figures();
    assertEquals(
        List.of(1L, 1L, 0L, 0L, 1L),
        List.of(b.enrolled(), b.notStarted(), b.inProgress(), b.completed(), b.overdue()));
  }

  @Test
  void peopleAreInDanishOrderAndTheFiltersNarrowThem() {
    World w = world();
    People people =
        reports.people(w.hr(), filter("course=" + w.course()), PeopleOrder.NAME, false, 0, 25);
    assertEquals(
        List.of("Anders Test", "Zacharias Test", "Øjvind Test", "Åse Test"),
        people.rows().stream().map(CompletionReports.PersonRow::name).toList(),
        "Æ, Ø, Å come after Z");
    assertEquals(4, people.total());

    People overdue =
        reports.people(
            w.hr(),
            filter("course=" + w.course() + "&status=OVERDUE"),
            PeopleOrder.NAME,
            false,
            0,
            25);
    assertEquals(
        List.of("Anders Test", "Åse Test"),
        overdue.rows().stream().map(CompletionReports.PersonRow::name).toList());
    assertTrue(overdue.rows().stream().allMatch(CompletionReports.PersonRow::overdue));

    People librarians =
        reports.people(
            w.hr(),
            filter("course=" + w.course() + "&role=LIBRARIAN&unit=" + w.unitA()),
            PeopleOrder.PROGRESS,
            true,
            0,
            25);
    assertEquals(
        List.of("Zacharias Test", "Øjvind Test"),
        librarians.rows().stream().map(CompletionReports.PersonRow::name).toList());

    People page =
        reports.people(w.hr(), filter("course=" + w.course()), PeopleOrder.NAME, false, 2, 2);
    assertEquals(
        List.of("Øjvind Test", "Åse Test"),
        page.rows().stream().map(CompletionReports.PersonRow::name).toList());

    ReportFilter bad = filter("course=" + w.course() + "&status=SOMETIMES&dueTo=31-12-2026");
    assertEquals(Map.of("status", "SOMETIMES", "dueTo", "31-12-2026"), bad.problems());
  }

  @Test
  void nothingOutsideTheScopeIsReadThroughFiltersIdsOrThePersonPage() {
    World w = world();
    String course = "course=" + w.course();
    assertThrows(
        ForbiddenException.class,
        () -> reports.report(w.hr(), filter(course + "&municipality=" + w.syd())));
    assertThrows(
        ForbiddenException.class,
        () -> reports.report(w.hr(), filter(course + "&unit=" + w.unitC())));
    assertThrows(
        ForbiddenException.class,
        () ->
            reports.people(
                w.hr(), filter(course + "&unit=" + w.unitC()), PeopleOrder.NAME, false, 0, 25));
    assertThrows(
        ForbiddenException.class,
        () -> reports.person(w.hr(), w.people().get("Bodil"), w.course()));
    assertThrows(
        NotFoundException.class,
        () -> reports.report(w.hr(), filter(course + "&municipality=999999999")));
    assertEquals("Åse Test", reports.person(w.hr(), w.people().get("Åse"), w.course()).name());
    assertEquals(4, reports.people(w.hr(), filter(course), PeopleOrder.NAME, false, 0, 25).total());

    long manager =
        accounts.create(
            "report.manager." + System.nanoTime(),
            "PBKDF2WithHmacSHA512:1:AAAA:AAAA",
            "Leder",
            w.unitB(),
            JobRole.MANAGER,
            EnumSet.of(Role.LEARNER, Role.HR));
    scopes.grantUnit(manager, w.unitB());
    Report his = reports.report(manager, filter(course + "&municipality=" + w.nord()));
    assertEquals(
        List.of("B-borgerservice"),
        his.groups().stream().map(Group::name).toList(),
        "his unit only");
    assertThrows(
        ForbiddenException.class,
        () -> reports.report(manager, filter(course + "&unit=" + w.unitA())));
  }

  @Test
  void aScopeRemovedCountsFromTheNextCall() {
    World w = world();
    reports.report(w.hr(), filter("course=" + w.course()));
    scopes.revokeAll(w.hr());
    assertThrows(
        ForbiddenException.class, () -> reports.report(w.hr(), filter("course=" + w.course())));
  }

  @Test
  void theCsvExportHoldsEveryRowOfTheFilterAsDanishExcelReadsIt() throws Exception {
    World w = world();
    StringWriter out = new StringWriter();
    exports.csv(
        w.hr(),
        filter("course=" + w.course()),
        key -> key.equals("report.yes") ? "Ja" : key.substring(key.lastIndexOf('.') + 1),
        out);
    String csv = out.toString();
    assertTrue(csv.startsWith("\uFEFF"), "a byte order mark for Excel");
    String[] lines = csv.substring(1).split("\r\n");
    assertEquals(5, lines.length, "a heading and four people");
    assertEquals(13, lines[0].split(";", -1).length);
    assertTrue(lines[0].endsWith(";assignments"), lines[0]);
    assertTrue(lines[4].contains(";Åse Test;"), lines[4]);
    String due =
        LocalDate.now(Clocks.DANISH_TIME)
            .minusDays(1)
            .format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy"));
    assertTrue(lines[4].contains(";Ja;50;") && lines[4].contains(";" + due + ";"), lines[4]);
  }

  @Test
  void theXlsxExportIsAWorkbookWithRealDatesAndNumbers() throws Exception {
    World w = world();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    exports.xlsx(w.hr(), filter("course=" + w.course()), key -> key, out);
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook book =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(
            new java.io.ByteArrayInputStream(out.toByteArray()))) {
      org.apache.poi.ss.usermodel.Sheet sheet = book.getSheetAt(0);
      assertEquals(4, sheet.getLastRowNum(), "four people under the heading");
      org.apache.poi.ss.usermodel.Row ase = sheet.getRow(4);
      assertEquals("Åse Test", ase.getCell(2).getStringCellValue());
      assertEquals(50.0, ase.getCell(6).getNumericCellValue());
      assertEquals(
          LocalDate.now(Clocks.DANISH_TIME).minusDays(1),
          ase.getCell(8).getLocalDateTimeCellValue().toLocalDate());
    }
  }

  @Inject dk.medborger.lms.identity.boundary.ApiTokens tokens;

  @jakarta.annotation.Resource jakarta.transaction.UserTransaction utx;

  @jakarta.persistence.PersistenceContext jakarta.persistence.EntityManager em;

  @Test
  void aTokenStandsForItsOwnerUntilItIsRevokedOrExpiresOrTheOwnerLosesTheirScope()
      throws Exception {
    World w = world();
    java.time.Instant inAMonth = java.time.Instant.now().plus(java.time.Duration.ofDays(30));
    dk.medborger.lms.identity.boundary.ApiTokens.Created revoked =
        tokens.create(w.hr(), "A", inAMonth);
    dk.medborger.lms.identity.boundary.ApiTokens.Created expiring =
        tokens.create(w.hr(), "B", inAMonth);
    assertTrue(revoked.token().startsWith("mbr_") && revoked.token().length() > 40);
    assertEquals(java.util.Optional.of(w.hr()), tokens.authenticate(revoked.token()));
    assertEquals(java.util.Optional.empty(), tokens.authenticate(revoked.token() + "x"));

    tokens.revoke(w.hr(), revoked.id());
    assertEquals(java.util.Optional.empty(), tokens.authenticate(revoked.token()), "revoked");
    assertThrows(
        NotFoundException.class, () -> tokens.revoke(w.people().get("Åse"), expiring.id()));

    utx.begin();
    em.createNativeQuery(
            "UPDATE api_token SET created_at = NOW(3) - INTERVAL 2 DAY,"
                + " expires_at = NOW(3) - INTERVAL 1 DAY WHERE id = ?")
        .setParameter(1, expiring.id())
        .executeUpdate();
    utx.commit();
    assertEquals(java.util.Optional.empty(), tokens.authenticate(expiring.token()), "expired");
    assertTrue(tokens.of(w.hr()).stream().noneMatch(t -> t.active(java.time.Instant.now())));
  }

  @Inject dk.medborger.lms.reporting.boundary.Certificates certificates;

  @Test
  void completingTheCourseIssuesACertificateThatAnyoneCanVerifyAndHrCanRevoke() throws Exception {
    World w = world();
    long zacharias = w.people().get("Zacharias");
    dk.medborger.lms.reporting.boundary.Certificates.Certificate issued =
        certificates.ofLearner(zacharias, w.course()).orElseThrow();
    assertTrue(issued.code().matches("[0-9A-Z]{26}"), issued.code());
    assertEquals("Zacharias Test", issued.learnerName());
    assertTrue(issued.organisation().startsWith("A-bibliotek, Nord"), issued.organisation());
    assertEquals(
        issued.code(), certificates.ofLearner(zacharias, w.course()).orElseThrow().code(), "once");
    assertTrue(
        certificates.ofLearner(w.people().get("Åse"), w.course()).isEmpty(), "not completed");

    dk.medborger.lms.reporting.boundary.Certificates.Verification valid =
        certificates.verify(issued.code());
    assertTrue(valid.found() && !valid.revoked());
    assertEquals("Zacharias Test", valid.name());
    assertTrue(!certificates.verify("0000000000000000000000000Z").found());
    assertTrue(!certificates.verify("<script>").found());

    byte[] pdf =
        certificates
            .pdf(zacharias, w.course(), key -> key, "http://example.test/verify/")
            .orElseThrow();
    assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
    String text =
        new com.lowagie.text.pdf.parser.PdfTextExtractor(new com.lowagie.text.pdf.PdfReader(pdf))
            .getTextFromPage(1);
    assertTrue(text.contains("Zacharias Test") && text.contains(issued.code()), text);
    assertTrue(text.contains("http://example.test/verify/" + issued.code()), text);

    long bodil = w.people().get("Bodil");
    assertThrows(ForbiddenException.class, () -> certificates.forHr(w.hr(), bodil, w.course()));
    long bodilsCertificate = certificates.ofLearner(bodil, w.course()).orElseThrow().id();
    assertThrows(
        ForbiddenException.class, () -> certificates.revoke(w.hr(), bodilsCertificate, "Fejl"));
    assertThrows(
        IllegalArgumentException.class, () -> certificates.revoke(w.hr(), issued.id(), " "));

    certificates.revoke(w.hr(), issued.id(), "Udstedt ved en fejl");
    assertTrue(certificates.verify(issued.code()).revoked());
    assertEquals(
        "Udstedt ved en fejl",
        certificates.forHr(w.hr(), zacharias, w.course()).orElseThrow().revokeReason());
  }

  @Test
  void thePdfExportHasTitleFilterDatePageNumbersAndEveryRow() throws Exception {
    World w = world();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    Map<String, String> words =
        Map.of("report.pdf.page", "Side", "report.pdf.of", "af", "report.pdf.made", "Lavet");
    exports.pdf(
        w.hr(),
        filter("course=" + w.course()),
        key -> words.getOrDefault(key, key.substring(key.lastIndexOf('.') + 1)),
        "Gennemførelsesrapport: Lær mere om it",
        "Nord · Alle",
        out);
    com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(out.toByteArray());
    String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
    assertTrue(text.contains("Gennemførelsesrapport: Lær mere om it"), text);
    assertTrue(text.contains("Nord · Alle") && text.contains("Lavet "), text);
    assertTrue(
        text.replaceAll("\\s+", " ").contains("Side 1 af " + reader.getNumberOfPages()), text);
    for (String name : List.of("Anders Test", "Zacharias Test", "Øjvind Test", "Åse Test")) {
      assertTrue(text.contains(name), name + " in " + text);
    }
  }

  @Inject dk.medborger.lms.reporting.boundary.OverdueReminders reminders;
  @Inject dk.medborger.lms.mail.control.MailSender mailSender;

  @Test
  void overdueRemindersGoToTheOverdueInScopeOnceAWeekInTheirOwnLanguage() throws Exception {
    World w = world();
    long ase = w.people().get("Åse");
    long anders = w.people().get("Anders");
    String mailbox = "aase." + ase + "@kommune.example";
    accounts.changeEmail(ase, mailbox);
    accounts.changeLanguage(ase, "en");
    ReportFilter f = filter("course=" + w.course());

    List<dk.medborger.lms.reporting.boundary.OverdueReminders.Candidate> overdue =
        reminders.overdue(w.hr(), f);
    assertEquals(
        List.of("Anders Test", "Åse Test"),
        overdue.stream().map(c -> c.person().name()).toList(),
        "the overdue in scope, in Danish order");
    assertTrue(!overdue.get(0).reachable(), "Anders has no mail address");
    assertTrue(overdue.get(1).reachable());

    // Two HR users at once: one reminder, the other is told it went within the week.
    List<dk.medborger.lms.reporting.boundary.OverdueReminders.Sent> twice =
        dk.medborger.lms.testing.AtOnce.run(
            2, i -> reminders.remind(w.hr(), f, java.util.Set.of(ase)));
    assertEquals(1, twice.stream().mapToInt(s -> s.sent()).sum());
    assertEquals(1, twice.stream().mapToInt(s -> s.recentlyReminded()).sum());

    // Not overdue (Zacharias completed), outside the scope (Bodil) or without address (Anders).
    var others =
        reminders.remind(
            w.hr(),
            f,
            java.util.Set.of(anders, w.people().get("Zacharias"), w.people().get("Bodil")));
    assertEquals(0, others.sent());
    assertEquals(1, others.noAddress());
    assertEquals(2, others.notOverdue());
    assertTrue(reminders.overdue(w.hr(), f).get(1).lastReminded() != null);

    List<jakarta.mail.internet.MimeMessage> mails =
        dk.medborger.lms.testing.TestMailServer.deliver(mailSender::sendDue, mailbox);
    assertEquals(1, mails.size());
    assertTrue(mails.get(0).getSubject().startsWith("Reminder: the course \"Lær mere om it"));
    String text = String.valueOf(mails.get(0).getContent());
    assertTrue(text.contains("Dear Åse Test,"), text);
    assertTrue(text.contains("passed by one day"), text);
    assertTrue(text.contains("/learner/course.xhtml?id=" + w.course()), text);

    // A week later, one more may go.
    utx.begin();
    em.createNativeQuery(
            "UPDATE overdue_reminder r JOIN enrolment e ON e.id = r.enrolment_id"
                + " SET r.sent_at = r.sent_at - INTERVAL 8 DAY WHERE e.user_id = ?")
        .setParameter(1, ase)
        .executeUpdate();
    utx.commit();
    assertEquals(1, reminders.remind(w.hr(), f, java.util.Set.of(ase)).sent());
  }

  @Inject dk.medborger.lms.reporting.boundary.ReportSubscriptions subscriptions;

  @Test
  void aMonthlySubscriptionMailsTheReportOfItsScopeOnceAMonthUntilTheScopeIsGone()
      throws Exception {
    World w = world();
    String mailbox = "hr." + w.hr() + "@kommune.example";
    accounts.changeEmail(w.hr(), mailbox);
    ReportFilter f = filter("course=" + w.course());
    long id = subscriptions.subscribe(w.hr(), f);
    assertEquals(id, subscriptions.subscribe(w.hr(), f), "the same subscription again");
    assertThrows(
        ForbiddenException.class,
        () ->
            subscriptions.subscribe(
                w.hr(), filter("course=" + w.course() + "&municipality=" + w.syd())));
    assertEquals(1, subscriptions.of(w.hr()).size());

    java.time.YearMonth next = java.time.YearMonth.now(Clocks.DANISH_TIME).plusMonths(1);
    assertTrue(subscriptions.queue(next) >= 1);
    assertEquals(0, subscriptions.queue(next), "a month's report goes once");
    List<jakarta.mail.internet.MimeMessage> mails =
        dk.medborger.lms.testing.TestMailServer.deliver(mailSender::sendDue, mailbox);
    assertEquals(1, mails.size());
    assertTrue(mails.get(0).getSubject().startsWith("Månedsrapport: Lær mere om it"));
    jakarta.mail.internet.MimeMultipart parts =
        (jakarta.mail.internet.MimeMultipart) mails.get(0).getContent();
    try (org.apache.poi.ss.usermodel.Workbook book =
        org.apache.poi.ss.usermodel.WorkbookFactory.create(parts.getBodyPart(1).getInputStream())) {
      assertEquals(5, book.getSheetAt(0).getPhysicalNumberOfRows(), "a heading and the 4 in scope");
    }

    scopes.revokeAll(w.hr());
    assertEquals(0, subscriptions.queue(next.plusMonths(1)), "no scope, no report");
    subscriptions.cancel(w.hr(), id);
    assertTrue(subscriptions.of(w.hr()).isEmpty());
    assertThrows(
        dk.medborger.lms.platform.NotFoundException.class, () -> subscriptions.cancel(w.hr(), id));
  }

  @Test
  void completionsOverTimeCountEachMonthOfTheYearWithinTheScope() {
    World w = world();
    List<CompletionReports.MonthCount> months =
        reports.completionsByMonth(w.hr(), filter("course=" + w.course()), 12);
    assertEquals(12, months.size());
    assertEquals(java.time.YearMonth.now(Clocks.DANISH_TIME), months.get(11).month());
    assertEquals(1, months.get(11).completed(), "Zacharias this month; Bodil is outside the scope");
    assertEquals(1, months.stream().mapToLong(CompletionReports.MonthCount::completed).sum());
    assertThrows(
        ForbiddenException.class,
        () ->
            reports.completionsByMonth(
                w.hr(), filter("course=" + w.course() + "&municipality=" + w.syd()), 12));
  }

  /** The Arquillian call this test runs in: it tells the deployment's own address. */
  @Inject jakarta.servlet.http.HttpServletRequest call;

  @Test
  void aRoleTakenAwayOrAnAccountClosedCountsFromTheNextRequestNotTheNextLogin() throws Exception {
    String name = "roles." + System.nanoTime();
    long id =
        accounts.create(
            name,
            accounts.hashPassword("hemmelig-kode-1".toCharArray()),
            "Rolle Test",
            null,
            JobRole.CONSULTANT,
            EnumSet.of(Role.HR, Role.LEARNER));
    scopes.grantEveryone(id);
    String at =
        "http://127.0.0.1:" + call.getLocalPort() + call.getServletContext().getContextPath();
    dk.medborger.lms.testing.WebClient client = new dk.medborger.lms.testing.WebClient(at);
    assertEquals(302, client.login(name, "hemmelig-kode-1").statusCode());
    assertEquals(200, client.get("/hr/index.xhtml").statusCode());

    utx.begin();
    em.createNativeQuery("DELETE FROM user_role WHERE user_id = ? AND role = 'HR'")
        .setParameter(1, id)
        .executeUpdate();
    utx.commit();
    assertEquals(403, client.get("/hr/index.xhtml").statusCode(), "the HR role is gone at once");
    assertEquals(200, client.get("/learner/dashboard.xhtml").statusCode());

    utx.begin();
    em.createNativeQuery("UPDATE app_user SET active = FALSE WHERE id = ?")
        .setParameter(1, id)
        .executeUpdate();
    utx.commit();
    java.net.http.HttpResponse<String> closed = client.get("/learner/dashboard.xhtml");
    assertEquals(302, closed.statusCode(), "a closed account is signed out at its next click");
    assertTrue(closed.headers().firstValue("Location").orElse("").contains("/login.xhtml"));
  }
}

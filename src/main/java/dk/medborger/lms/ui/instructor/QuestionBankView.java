package dk.medborger.lms.ui.instructor;

import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.quizzes.boundary.QuestionBank;
import dk.medborger.lms.quizzes.boundary.QuizAuthoring;
import dk.medborger.lms.quizzes.boundary.QuizAuthoring.BankQuestion;
import dk.medborger.lms.quizzes.boundary.QuizTeaching;
import dk.medborger.lms.quizzes.boundary.QuizTeaching.CategoryCount;
import dk.medborger.lms.quizzes.control.GiftFormat.GiftError;
import dk.medborger.lms.ui.common.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;

/**
 * A course's question bank for its instructor: the categories, importing a GIFT file (uploaded or
 * pasted; all or nothing, every error with its line) and the link to export the bank as GIFT.
 */
@Named
@RequestScoped
public class QuestionBankView {

  /** The largest GIFT file taken: some thousand questions. */
  static final long MAX_BYTES = 2 * 1024 * 1024;

  @Inject SignedIn signedIn;

  @Inject QuizTeaching teaching;

  @Inject QuizAuthoring authoring;

  private Long courseId;
  private List<CategoryCount> categories;
  private List<BankQuestion> questions;
  private Part file;
  private String text;
  private String category;
  private List<ErrorLine> errors = List.of();

  /** One import error as the page lists it. */
  public record ErrorLine(int line, String message) {}

  private boolean loaded;

  public List<CategoryCount> getCategories() {
    if (!loaded) {
      loaded = true;
      Long id = Pages.id(Pages.requestParameter("course"));
      categories =
          id == null
              ? Pages.orNotFound(() -> null)
              : Pages.orNotFound(() -> teaching.bankSummary(signedIn.require().userId(), id));
      courseId = categories == null ? null : id;
    }
    return categories;
  }

  public void importGift() {
    if (getCategories() == null) {
      return;
    }
    String gift;
    try {
      gift = file != null && file.getSize() > 0 ? read(file) : text;
    } catch (IOException e) {
      Pages.message(FacesMessage.SEVERITY_ERROR, "instructor.bank.notText");
      return;
    }
    if (gift == null || gift.isBlank()) {
      Pages.message(FacesMessage.SEVERITY_ERROR, "instructor.bank.empty");
      return;
    }
    String into =
        category == null || category.isBlank()
            ? Pages.text("instructor.bank.defaultCategory")
            : category.trim();
    QuestionBank.Imported imported =
        teaching.importGift(signedIn.require().userId(), courseId, gift, into);
    if (!imported.ok()) {
      errors =
          imported.errors().stream()
              .map(
                  e ->
                      new ErrorLine(
                          e.line(),
                          MessageFormat.format(Pages.text("gift.error." + e.code()), detail(e))))
              .toList();
      Pages.message(FacesMessage.SEVERITY_ERROR, "instructor.bank.failed");
      return;
    }
    loaded = false;
    questions = null;
    text = null;
    Pages.message(
        FacesMessage.SEVERITY_INFO,
        "instructor.bank.imported",
        String.valueOf(imported.questionIds().size()));
  }

  private static String detail(GiftError e) {
    return e.detail() == null ? "" : e.detail();
  }

  /** The file as UTF-8 text; a file that is not UTF-8 text (a renamed binary) is refused. */
  static String read(Part part) throws IOException {
    if (part.getSize() > MAX_BYTES) {
      throw new IOException("too large");
    }
    try (InputStream in = part.getInputStream()) {
      byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
      String decoded =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
      if (decoded.indexOf('\u0000') >= 0) {
        throw new IOException("binary");
      }
      return decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded;
    } catch (CharacterCodingException e) {
      throw new IOException("not UTF-8", e);
    }
  }

  /** The bank's questions, each with a link to revise it. */
  public List<BankQuestion> getQuestions() {
    if (questions == null && getCategories() != null) {
      questions = authoring.questions(signedIn.require().userId(), courseId);
    }
    return questions;
  }

  public Long getCourseId() {
    getCategories();
    return courseId;
  }

  public List<ErrorLine> getErrors() {
    return errors;
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }
}

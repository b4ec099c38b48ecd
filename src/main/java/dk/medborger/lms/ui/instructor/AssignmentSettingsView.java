package dk.medborger.lms.ui.instructor;

import dk.medborger.lms.assignments.boundary.AssignmentAuthoring;
import dk.medborger.lms.assignments.boundary.AssignmentAuthoring.AssignmentSettings;
import dk.medborger.lms.assignments.boundary.AssignmentAuthoring.Problem;
import dk.medborger.lms.assignments.boundary.AssignmentAuthoring.Settings;
import dk.medborger.lms.assignments.entity.Assignment;
import dk.medborger.lms.assignments.entity.GradingScheme;
import dk.medborger.lms.assignments.entity.LatePolicy;
import dk.medborger.lms.courses.entity.CompletionCriterion;
import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.platform.ForbiddenException;
import dk.medborger.lms.platform.NotFoundException;
import dk.medborger.lms.ui.common.Pages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.TransactionalException;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An assignment's settings for the course's instructors (ADR 23): title and instructions, due date,
 * cut-off and late policy, what may be handed in, blind grading, completion and grading. Every
 * problem is shown at its field and nothing is saved while there is one; what grades or progress
 * already follow from is locked, with the reason beside it. Another instructor's save in between is
 * a conflict: the page says so and shows what they saved.
 */
@Named
@ViewScoped
public class AssignmentSettingsView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Where each problem is shown; null: at the top. */
  private static final Map<Problem, String> FIELD = new EnumMap<>(Problem.class);

  static {
    FIELD.put(Problem.TITLE, "title");
    FIELD.put(Problem.INSTRUCTIONS_TOO_LONG, "instructions");
    FIELD.put(Problem.CUTOFF_NEEDS_DUE, "cutoff");
    FIELD.put(Problem.CUTOFF_BEFORE_DUE, "cutoff");
    FIELD.put(Problem.REFUSE_NEEDS_CUTOFF, "cutoff");
    FIELD.put(Problem.PENALTY_PERCENT, "penalty");
    FIELD.put(Problem.NO_SUBMISSION_TYPE, "acceptsText");
    FIELD.put(Problem.MAX_FILES, "maxFiles");
    FIELD.put(Problem.MAX_FILE_SIZE, "maxSize");
    FIELD.put(Problem.FILE_TYPES, "types");
    FIELD.put(Problem.MAX_POINTS, "maxPoints");
    FIELD.put(Problem.PASS_POINTS, "passPoints");
    FIELD.put(Problem.GRADE_LOCKED, "grading");
    FIELD.put(Problem.COMPLETION_LOCKED, "completion");
    FIELD.put(Problem.BLIND_GRADES_SAVED, "blind");
    FIELD.put(Problem.BLIND_WORK_HANDED_IN, "blind");
  }

  @Inject SignedIn signedIn;

  @Inject AssignmentAuthoring authoring;

  private Long assignmentId;
  private transient AssignmentSettings assignment;
  private long seenVersion;
  private boolean filled;

  private String title;
  private String instructions;
  private Instant dueAt;
  private Instant cutoffAt;
  private LatePolicy latePolicy;
  private Integer latePenaltyPercent;
  private boolean acceptsText;
  private boolean acceptsFiles;
  private Integer maxFiles;
  private Integer maxFileMegabytes;
  private List<String> allowedTypes = new ArrayList<>();
  private boolean blindGrading;
  private CompletionCriterion completion;
  private GradingScheme grading;
  private String maxPoints;
  private String passPoints;

  /** The assignment and its settings; 404 or 403 as the instructor may see them. */
  public AssignmentSettings getAssignment() {
    if (assignment == null) {
      assignmentId = Pages.keptId(assignmentId, "id");
      if (assignmentId == null) {
        return null;
      }
      assignment = Pages.orNotFound(() -> authoring.settings(me(), assignmentId));
      if (assignment != null && !filled) {
        fill(assignment);
      }
    }
    return assignment;
  }

  private void fill(AssignmentSettings a) {
    filled = true;
    seenVersion = a.version();
    Settings s = a.settings();
    title = s.title();
    instructions = s.instructions();
    dueAt = s.dueAt();
    cutoffAt = s.cutoffAt();
    latePolicy = s.latePolicy();
    latePenaltyPercent = s.latePenaltyPercent();
    acceptsText = s.acceptsText();
    acceptsFiles = s.acceptsFiles();
    maxFiles = s.maxFiles();
    maxFileMegabytes = s.maxFileMegabytes();
    allowedTypes = new ArrayList<>(s.allowedTypes());
    blindGrading = s.blindGrading();
    completion = s.completion();
    grading = s.grading();
    maxPoints = Pages.typed(s.maxPoints());
    passPoints = Pages.typed(s.passPoints());
  }

  /** Saves the settings, or shows every problem at its field. */
  public String save() {
    if (getAssignment() == null) {
      return null;
    }
    try {
      List<Problem> problems =
          authoring.saveSettings(
              me(),
              assignmentId,
              seenVersion,
              new Settings(
                  title,
                  instructions,
                  dueAt,
                  cutoffAt,
                  latePolicy,
                  latePenaltyPercent,
                  acceptsText,
                  acceptsFiles,
                  maxFiles,
                  maxFileMegabytes,
                  List.copyOf(allowedTypes),
                  blindGrading,
                  completion,
                  grading,
                  Pages.decimal(maxPoints),
                  Pages.decimal(passPoints)));
      if (!problems.isEmpty()) {
        for (Problem problem : problems) {
          String field = FIELD.get(problem);
          String key = "assignmentSettings.problem." + problem;
          if (field == null) {
            Pages.message(FacesMessage.SEVERITY_ERROR, key);
          } else {
            Pages.fieldError("settingsForm:" + field, key);
          }
        }
        Pages.message(FacesMessage.SEVERITY_ERROR, "form.notSaved");
        return null;
      }
    } catch (OptimisticLockException | TransactionalException conflict) {
      assignment = null;
      filled = false;
      getAssignment();
      Pages.message(FacesMessage.SEVERITY_ERROR, "assignmentSettings.conflict");
      return null;
    } catch (ForbiddenException e) {
      Pages.forbidden();
      return null;
    } catch (NotFoundException e) {
      Pages.notFound();
      return null;
    }
    Pages.message(FacesMessage.SEVERITY_INFO, "assignmentSettings.saved");
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    return "/instructor/assignment-settings.xhtml?faces-redirect=true&id=" + assignmentId;
  }

  private long me() {
    return signedIn.require().userId();
  }

  public LatePolicy[] getLatePolicies() {
    return LatePolicy.values();
  }

  public GradingScheme[] getGradingSchemes() {
    return GradingScheme.values();
  }

  public List<CompletionCriterion> getCompletions() {
    return List.of(CompletionCriterion.ON_SUBMIT, CompletionCriterion.ON_GRADED_PASS);
  }

  /** The file types an assignment may allow: those the server recognises (ADR 26). */
  public List<String> getKnownTypes() {
    return Assignment.DEFAULT_TYPES;
  }

  public int getMaxTitle() {
    return AssignmentAuthoring.MAX_TITLE;
  }

  public int getMaxInstructions() {
    return AssignmentAuthoring.MAX_INSTRUCTIONS;
  }

  public Long getAssignmentId() {
    return assignmentId;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getInstructions() {
    return instructions;
  }

  public void setInstructions(String instructions) {
    this.instructions = instructions;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public void setDueAt(Instant dueAt) {
    this.dueAt = dueAt;
  }

  public Instant getCutoffAt() {
    return cutoffAt;
  }

  public void setCutoffAt(Instant cutoffAt) {
    this.cutoffAt = cutoffAt;
  }

  public LatePolicy getLatePolicy() {
    return latePolicy;
  }

  public void setLatePolicy(LatePolicy latePolicy) {
    this.latePolicy = latePolicy;
  }

  public Integer getLatePenaltyPercent() {
    return latePenaltyPercent;
  }

  public void setLatePenaltyPercent(Integer latePenaltyPercent) {
    this.latePenaltyPercent = latePenaltyPercent;
  }

  public boolean isAcceptsText() {
    return acceptsText;
  }

  public void setAcceptsText(boolean acceptsText) {
    this.acceptsText = acceptsText;
  }

  public boolean isAcceptsFiles() {
    return acceptsFiles;
  }

  public void setAcceptsFiles(boolean acceptsFiles) {
    this.acceptsFiles = acceptsFiles;
  }

  public Integer getMaxFiles() {
    return maxFiles;
  }

  public void setMaxFiles(Integer maxFiles) {
    this.maxFiles = maxFiles;
  }

  public Integer getMaxFileMegabytes() {
    return maxFileMegabytes;
  }

  public void setMaxFileMegabytes(Integer maxFileMegabytes) {
    this.maxFileMegabytes = maxFileMegabytes;
  }

  public List<String> getAllowedTypes() {
    return allowedTypes;
  }

  public void setAllowedTypes(List<String> allowedTypes) {
    this.allowedTypes = allowedTypes == null ? new ArrayList<>() : new ArrayList<>(allowedTypes);
  }

  public boolean isBlindGrading() {
    return blindGrading;
  }

  public void setBlindGrading(boolean blindGrading) {
    this.blindGrading = blindGrading;
  }

  public CompletionCriterion getCompletion() {
    return completion;
  }

  public void setCompletion(CompletionCriterion completion) {
    this.completion = completion;
  }

  public GradingScheme getGrading() {
    return grading;
  }

  public void setGrading(GradingScheme grading) {
    this.grading = grading;
  }

  public String getMaxPoints() {
    return maxPoints;
  }

  public void setMaxPoints(String maxPoints) {
    this.maxPoints = maxPoints;
  }

  public String getPassPoints() {
    return passPoints;
  }

  public void setPassPoints(String passPoints) {
    this.passPoints = passPoints;
  }
}

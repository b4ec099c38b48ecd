package dk.medborger.lms.ui.instructor;

import dk.medborger.lms.assignments.boundary.RubricAuthoring;
import dk.medborger.lms.assignments.boundary.RubricAuthoring.Criterion;
import dk.medborger.lms.assignments.boundary.RubricAuthoring.Level;
import dk.medborger.lms.assignments.boundary.RubricAuthoring.Problem;
import dk.medborger.lms.assignments.boundary.RubricAuthoring.RubricPage;
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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An assignment's rubric for its instructors (ADR 24): criteria and, in a points rubric, their
 * levels added, rewritten, moved up and down and removed on the page (each step an ajax post that
 * keeps what is typed and puts the focus where the work goes on), then saved all at once, every
 * problem shown at its field. Once someone has graded with the rubric, only wording and order may
 * change: the page offers nothing else, and the server refuses it anyway.
 */
@Named
@ViewScoped
public class RubricView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject SignedIn signedIn;

  @Inject RubricAuthoring rubrics;

  private Long assignmentId;
  private transient RubricPage page;
  private long seenVersion;
  private boolean filled;
  private List<CriterionForm> criteria = new ArrayList<>();
  private final Set<String> invalid = new LinkedHashSet<>();
  private String focus;

  /** A criterion as the form edits it. */
  public static class CriterionForm implements Serializable {
    private static final long serialVersionUID = 1L;
    private Long id;
    private String title;
    private String description;
    private List<LevelForm> levels = new ArrayList<>();

    public Long getId() {
      return id;
    }

    public String getTitle() {
      return title;
    }

    public void setTitle(String title) {
      this.title = title;
    }

    public String getDescription() {
      return description;
    }

    public void setDescription(String description) {
      this.description = description;
    }

    public List<LevelForm> getLevels() {
      return levels;
    }
  }

  /** A level as the form edits it; its points as typed. */
  public static class LevelForm implements Serializable {
    private static final long serialVersionUID = 1L;
    private Long id;
    private String title;
    private String points;

    public Long getId() {
      return id;
    }

    public String getTitle() {
      return title;
    }

    public void setTitle(String title) {
      this.title = title;
    }

    public String getPoints() {
      return points;
    }

    public void setPoints(String points) {
      this.points = points;
    }
  }

  /** The assignment's rubric; 404 or 403 as the instructor may see it. */
  public RubricPage getPage() {
    if (page == null) {
      assignmentId = Pages.keptId(assignmentId, "id");
      if (assignmentId == null) {
        return null;
      }
      page = Pages.orNotFound(() -> rubrics.rubric(me(), assignmentId));
      if (page != null && !filled) {
        fill(page);
      }
    }
    return page;
  }

  private void fill(RubricPage p) {
    filled = true;
    seenVersion = p.version();
    criteria = new ArrayList<>();
    for (Criterion c : p.criteria()) {
      CriterionForm form = new CriterionForm();
      form.id = c.id();
      form.title = c.title();
      form.description = c.description();
      for (Level l : c.levels()) {
        LevelForm level = new LevelForm();
        level.id = l.id();
        level.title = l.title();
        level.points = Pages.typed(l.points());
        form.levels.add(level);
      }
      criteria.add(form);
    }
  }

  /** Adds an empty criterion at the end (with two levels in a points rubric). */
  public void addCriterion() {
    if (getPage() == null || page.structureLocked()) {
      return;
    }
    CriterionForm c = new CriterionForm();
    if (page.points()) {
      c.levels.add(level("0"));
      c.levels.add(level(null));
    }
    criteria.add(c);
    focus = "rubricForm:criteria:" + (criteria.size() - 1) + ":title";
    Pages.message(FacesMessage.SEVERITY_INFO, "rubric.added", criteria.size());
  }

  public void removeCriterion(int index) {
    if (getPage() == null || page.structureLocked() || !within(index, criteria.size())) {
      return;
    }
    criteria.remove(index);
    focus =
        criteria.isEmpty()
            ? "rubricForm:add"
            : "rubricForm:criteria:" + Math.max(0, index - 1) + ":title";
    Pages.message(FacesMessage.SEVERITY_INFO, "rubric.removed", index + 1);
  }

  /** Moves a criterion one place up ({@code by} -1) or down (+1). */
  public void moveCriterion(int index, int by) {
    int to = index + by;
    if (getPage() == null || !within(index, criteria.size()) || !within(to, criteria.size())) {
      return;
    }
    criteria.add(to, criteria.remove(index));
    focus = "rubricForm:criteria:" + to + moved(by, to, criteria.size(), ":up", ":down");
    Pages.message(FacesMessage.SEVERITY_INFO, "rubric.moved", index + 1, to + 1);
  }

  public void addLevel(int index) {
    if (getPage() == null || page.structureLocked() || !within(index, criteria.size())) {
      return;
    }
    List<LevelForm> levels = criteria.get(index).levels;
    levels.add(level(null));
    focus = "rubricForm:criteria:" + index + ":levels:" + (levels.size() - 1) + ":levelTitle";
    Pages.message(FacesMessage.SEVERITY_INFO, "rubric.levelAdded", index + 1);
  }

  public void removeLevel(int index, int level) {
    if (getPage() == null
        || page.structureLocked()
        || !within(index, criteria.size())
        || !within(level, criteria.get(index).levels.size())) {
      return;
    }
    criteria.get(index).levels.remove(level);
    focus = "rubricForm:criteria:" + index + ":addLevel";
    Pages.message(FacesMessage.SEVERITY_INFO, "rubric.levelRemoved", index + 1);
  }

  public void moveLevel(int index, int level, int by) {
    int to = level + by;
    if (getPage() == null || !within(index, criteria.size())) {
      return;
    }
    List<LevelForm> levels = criteria.get(index).levels;
    if (!within(level, levels.size()) || !within(to, levels.size())) {
      return;
    }
    levels.add(to, levels.remove(level));
    focus =
        "rubricForm:criteria:"
            + index
            + ":levels:"
            + to
            + moved(by, to, levels.size(), ":levelUp", ":levelDown");
    Pages.message(FacesMessage.SEVERITY_INFO, "rubric.levelMoved", index + 1);
  }

  /** Saves the whole rubric, or shows every problem at its field. */
  public String save() {
    if (getPage() == null) {
      return null;
    }
    invalid.clear();
    try {
      List<Problem> problems = rubrics.save(me(), assignmentId, seenVersion, drafts());
      if (!problems.isEmpty()) {
        for (Problem p : problems) {
          String field = field(p);
          String key = "rubric.problem." + p.kind();
          if (field == null) {
            Pages.message(FacesMessage.SEVERITY_ERROR, key);
          } else {
            invalid.add(field);
            Pages.fieldError(field, key);
          }
        }
        Pages.message(FacesMessage.SEVERITY_ERROR, "form.notSaved");
        focus = invalid.isEmpty() ? null : invalid.iterator().next();
        return null;
      }
    } catch (OptimisticLockException | TransactionalException conflict) {
      page = null;
      filled = false;
      getPage();
      Pages.message(FacesMessage.SEVERITY_ERROR, "rubric.conflict");
      return null;
    } catch (ForbiddenException e) {
      Pages.forbidden();
      return null;
    } catch (NotFoundException e) {
      Pages.notFound();
      return null;
    }
    Pages.message(FacesMessage.SEVERITY_INFO, "rubric.saved");
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    return "/instructor/rubric.xhtml?faces-redirect=true&id=" + assignmentId;
  }

  /** The field a problem is shown at, or null for the rubric as a whole. */
  private static String field(Problem p) {
    String criterion = "rubricForm:criteria:" + p.criterion();
    return switch (p.kind()) {
      case CRITERION_TITLE -> criterion + ":title";
      case DESCRIPTION_TOO_LONG -> criterion + ":description";
      case NO_LEVELS, TOO_MANY_LEVELS -> criterion + ":addLevel";
      case LEVEL_TITLE -> criterion + ":levels:" + p.level() + ":levelTitle";
      case LEVEL_POINTS -> criterion + ":levels:" + p.level() + ":points";
      default -> null;
    };
  }

  private List<Criterion> drafts() {
    List<Criterion> list = new ArrayList<>();
    for (CriterionForm c : criteria) {
      List<Level> levels = new ArrayList<>();
      for (LevelForm l : c.levels) {
        levels.add(new Level(l.id, l.title, Pages.decimal(l.points)));
      }
      list.add(new Criterion(c.id, c.title, c.description, List.copyOf(levels)));
    }
    return List.copyOf(list);
  }

  /**
   * The button a moved item keeps the focus on: the one it was moved with, or the other one when it
   * reached the end (where that button is not shown).
   */
  private static String moved(int by, int to, int size, String up, String down) {
    if (by < 0) {
      return to == 0 ? down : up;
    }
    return to == size - 1 ? up : down;
  }

  private static LevelForm level(String points) {
    LevelForm l = new LevelForm();
    l.points = points;
    return l;
  }

  private static boolean within(int index, int size) {
    return index >= 0 && index < size;
  }

  /** Whether the field (its client id) has a problem: for its {@code aria-invalid}. */
  public boolean invalid(String clientId) {
    return invalid.contains(clientId);
  }

  /** The sum of the criteria's highest levels as typed: what the rubric gives at most. */
  public BigDecimal getHighest() {
    BigDecimal sum = BigDecimal.ZERO;
    for (CriterionForm c : criteria) {
      sum =
          sum.add(
              c.levels.stream()
                  .map(l -> Pages.decimal(l.points))
                  .filter(java.util.Objects::nonNull)
                  .max(BigDecimal::compareTo)
                  .orElse(BigDecimal.ZERO));
    }
    return sum;
  }

  /** Where the focus goes after the step just taken (a field's client id), or null. */
  public String getFocus() {
    return focus;
  }

  private long me() {
    return signedIn.require().userId();
  }

  public List<CriterionForm> getCriteria() {
    return criteria;
  }

  public Long getAssignmentId() {
    return assignmentId;
  }
}

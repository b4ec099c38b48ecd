package dk.medborger.lms.ui.instructor;

import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.quizzes.boundary.QuizTeaching;
import dk.medborger.lms.quizzes.boundary.QuizTeaching.AttemptRow;
import dk.medborger.lms.quizzes.boundary.QuizTeaching.Results;
import dk.medborger.lms.ui.common.BarChart;
import dk.medborger.lms.ui.common.Pages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A quiz's results for its instructor: attempts, the grade distribution as a chart and as a table
 * (its text alternative), per-question statistics, the CSV download, and extra attempts or time for
 * one learner.
 */
@Named
@ViewScoped
public class QuizResultsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject SignedIn signedIn;

  @Inject QuizTeaching teaching;

  private Long quizId;
  private transient Results results;
  private Long learnerId;
  private Integer extraAttempts = 1;
  private Integer minutes;

  public Results getResults() {
    if (results == null) {
      if (quizId == null) {
        quizId = Pages.id(Pages.requestParameter("id"));
      }
      results =
          quizId == null
              ? Pages.orNotFound(() -> null)
              : Pages.orNotFound(() -> teaching.results(signedIn.require().userId(), quizId));
    }
    return results;
  }

  private long quizIdOrFail() {
    return quizId == null ? 0 : quizId;
  }

  /** The learners with attempts, each once, for the override form. */
  public Map<Long, String> getLearners() {
    Map<Long, String> learners = new LinkedHashMap<>();
    for (AttemptRow row : getResults().attempts()) {
      learners.putIfAbsent(row.userId(), row.learner());
    }
    return learners;
  }

  /** The distribution as Chart.js configuration for {@code p:chart}. */
  public String getChartJson() {
    int[] counts = getResults().distribution();
    List<String> labels = new ArrayList<>();
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      labels.add((i * 10) + "–" + (i == 9 ? 100 : i * 10 + 9) + " %");
      values.add(counts[i]);
    }
    return BarChart.of(labels, values, Pages.text("instructor.results.attemptsInBand"))
        .counting()
        .json();
  }

  /** The bands of the distribution, for the table beside the chart. */
  public List<String> getBands() {
    List<String> bands = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      bands.add((i * 10) + "–" + (i == 9 ? 100 : i * 10 + 9) + " %");
    }
    return bands;
  }

  public void saveOverride() {
    if (learnerId == null || extraAttempts == null) {
      Pages.message(FacesMessage.SEVERITY_ERROR, "instructor.override.incomplete");
      return;
    }
    teaching.override(
        signedIn.require().userId(), quizIdOrFail(), learnerId, extraAttempts, minutes);
    Pages.message(FacesMessage.SEVERITY_INFO, "instructor.override.saved");
    results = null;
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
  }

  public Long getQuizId() {
    return quizId;
  }

  public Long getLearnerId() {
    return learnerId;
  }

  public void setLearnerId(Long learnerId) {
    this.learnerId = learnerId;
  }

  public Integer getExtraAttempts() {
    return extraAttempts;
  }

  public void setExtraAttempts(Integer extraAttempts) {
    this.extraAttempts = extraAttempts;
  }

  public Integer getMinutes() {
    return minutes;
  }

  public void setMinutes(Integer minutes) {
    this.minutes = minutes;
  }
}

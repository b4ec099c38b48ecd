package dk.medborger.lms.courses.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;

/** A lesson: rich content (sanitised HTML) the learner reads. */
@Entity
@Table(name = "lesson")
@DiscriminatorValue("LESSON")
@PrimaryKeyJoinColumn(name = "activity_id")
public class Lesson extends Activity {

  /** Always sanitised before it is stored (see {@code LessonContentPolicy}). */
  @Basic(fetch = FetchType.LAZY)
  @Column(name = "content_html")
  private String contentHtml;

  protected Lesson() {}

  public Lesson(
      String title, Integer estimatedMinutes, CompletionCriterion criterion, String sanitisedHtml) {
    super(ActivityKind.LESSON, title, estimatedMinutes, criterion);
    this.contentHtml = sanitisedHtml;
  }

  public String getContentHtml() {
    return contentHtml;
  }
}

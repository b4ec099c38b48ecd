package dk.medborger.lms.assignments.boundary;

import dk.medborger.lms.assignments.boundary.AssignmentRefused.Reason;
import dk.medborger.lms.assignments.entity.FeedbackComment;
import dk.medborger.lms.platform.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * An instructor's comment bank: reusable feedback comments that the grading page inserts into a
 * grade's feedback with one click or key (ADR 30). Each instructor sees and changes only their own;
 * another's comment is 404.
 *
 * <pre>
 * long id = bank.add(instructorId, "Godt set – du kobler situationen til modulets begreber.");
 * bank.comments(instructorId);   // [Comment(id, "Godt set – …")]
 * </pre>
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CommentBank {

  /** The most comments one bank holds: more than fit on the grading page is no help. */
  public static final int MAX_COMMENTS = 50;

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  /** A comment of the bank. */
  public record Comment(long id, String text) {}

  /** The instructor's comments, in the order they were added. */
  public List<Comment> comments(long instructorId) {
    return em.createNamedQuery(FeedbackComment.FIND_BY_INSTRUCTOR, FeedbackComment.class)
        .setParameter("instructor", instructorId)
        .getResultStream()
        .map(c -> new Comment(c.getId(), c.getText()))
        .toList();
  }

  /**
   * Adds a comment to the end of the bank; refused when it is empty, longer than {@value
   * FeedbackComment#MAX_LENGTH} characters, already in the bank, or the bank is full.
   */
  @Transactional
  public long add(long instructorId, String text) {
    String kept = text == null ? "" : text.strip().replace("\r\n", "\n");
    if (kept.isEmpty()) {
      throw new AssignmentRefused(Reason.COMMENT_EMPTY);
    }
    if (kept.length() > FeedbackComment.MAX_LENGTH) {
      throw new AssignmentRefused(Reason.COMMENT_TOO_LONG);
    }
    List<Comment> existing = comments(instructorId);
    if (existing.stream().anyMatch(c -> c.text().equals(kept))) {
      throw new AssignmentRefused(Reason.COMMENT_DUPLICATE);
    }
    if (existing.size() >= MAX_COMMENTS) {
      throw new AssignmentRefused(Reason.COMMENT_BANK_FULL);
    }
    FeedbackComment comment = new FeedbackComment(instructorId, kept, clock.instant());
    em.persist(comment);
    em.flush();
    return comment.getId();
  }

  /** Removes one of the instructor's own comments; 404 for any other. */
  @Transactional
  public void remove(long instructorId, long commentId) {
    FeedbackComment comment = em.find(FeedbackComment.class, commentId);
    if (comment == null || comment.getInstructorId() != instructorId) {
      throw new NotFoundException("comment " + commentId);
    }
    em.remove(comment);
  }
}

package dk.medborger.lms.quizzes.control;

import dk.medborger.lms.platform.NotFoundException;
import dk.medborger.lms.quizzes.entity.QuestionContent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What a question version asks, kept in memory: versions are never changed once written (a revised
 * question gets a new version), so every node may keep them for good, and an answer save or an
 * attempt page reads no question rows.
 *
 * <pre>
 * QuestionContent q = contents.of(answer.getQuestionVersionId());
 * </pre>
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class QuestionContents {

  @PersistenceContext EntityManager em;

  private final ConcurrentMap<Long, QuestionContent> byVersion = new ConcurrentHashMap<>();

  public QuestionContent of(long versionId) {
    QuestionContent content = byVersion.get(versionId);
    if (content == null) {
      content =
          em.createQuery(
                  "SELECT v.content FROM QuestionVersion v WHERE v.id = :id", QuestionContent.class)
              .setParameter("id", versionId)
              .getResultStream()
              .findFirst()
              .orElseThrow(() -> new NotFoundException("question version " + versionId));
      byVersion.put(versionId, content);
    }
    return content;
  }
}

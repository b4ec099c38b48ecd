package dk.medborger.lms.assignments.control;

import dk.medborger.lms.assignments.boundary.WorkReturned;
import dk.medborger.lms.assignments.entity.Assignment;
import dk.medborger.lms.identity.boundary.UserAccounts;
import dk.medborger.lms.identity.boundary.UserAccounts.MailContact;
import dk.medborger.lms.mail.boundary.Outbox;
import dk.medborger.lms.mail.boundary.OutgoingMail;
import dk.medborger.lms.platform.PublicAddress;
import dk.medborger.lms.platform.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The learner's mail when their work comes back: graded, or returned for revision. Written to the
 * outbox in the grader's transaction, so the mail goes if and only if the grade was saved, in the
 * learner's language, with a link to the assignment; it says that there is news, not the grade, so
 * nothing about the learner's work travels by mail.
 */
@ApplicationScoped
public class ReturnedWorkMail {

  private static final Logger LOG = Logger.getLogger(ReturnedWorkMail.class.getName());

  /** The outbox's kind of the graded mail. */
  public static final String GRADED = "ASSIGNMENT_GRADED";

  /** The outbox's kind of the revision mail. */
  public static final String REVISION = "ASSIGNMENT_REVISION";

  @PersistenceContext EntityManager em;

  @Inject UserAccounts accounts;

  @Inject Outbox outbox;

  @Inject PublicAddress address;

  void tell(@Observes WorkReturned returned) {
    Optional<MailContact> found = accounts.contact(returned.learnerId());
    if (found.isEmpty() || !Outbox.isAddress(found.get().email())) {
      LOG.fine(() -> "no mail address for learner " + returned.learnerId());
      return;
    }
    MailContact learner = found.get();
    Assignment a = em.find(Assignment.class, returned.assignmentId());
    String course = a.getModule().getCourse().getTitle();
    Texts texts = Texts.in(learner.language());
    boolean graded = returned.kind() == WorkReturned.Kind.GRADED;
    String prefix = graded ? "mail.graded." : "mail.revision.";
    String link = address.of("/learner/assignment.xhtml?id=" + a.getId());
    String text = texts.letter(learner.name(), prefix + "text", a.getTitle(), course, link);
    outbox.enqueue(
        OutgoingMail.to(
            learner.email(),
            learner.userId(),
            graded ? GRADED : REVISION,
            texts.get(prefix + "subject", a.getTitle()),
            text));
  }
}

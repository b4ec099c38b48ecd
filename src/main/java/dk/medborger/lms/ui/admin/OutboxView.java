package dk.medborger.lms.ui.admin;

import dk.medborger.lms.mail.boundary.Outbox;
import dk.medborger.lms.mail.control.MailSender;
import dk.medborger.lms.mail.entity.MailState;
import dk.medborger.lms.mail.entity.OutboxMail;
import dk.medborger.lms.ui.common.Pages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The administrator's view of the mail outbox: how many mails wait, went or failed, the newest of
 * them with their text (without SMTP settings, as in the demo, this is where mails can be read),
 * and a way to send a failed mail again.
 */
@Named
@ViewScoped
public class OutboxView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Mails a page. */
  public static final int PAGE = 50;

  @Inject Outbox outbox;

  @Inject MailSender sender;

  private String state;
  private int page;

  @PostConstruct
  void read() {
    state = Pages.requestParameter("state");
    try {
      String asked = Pages.requestParameter("page");
      page = asked == null ? 0 : Math.max(0, Math.min(Integer.parseInt(asked), 10_000));
    } catch (NumberFormatException e) {
      page = 0;
    }
  }

  public List<OutboxMail> getMails() {
    return outbox.newest(chosenState(), page * PAGE, PAGE + 1).stream().limit(PAGE).toList();
  }

  public boolean isMore() {
    return outbox.newest(chosenState(), (page + 1) * PAGE, 1).size() == 1;
  }

  public Map<MailState, Long> getCounts() {
    return outbox.counts();
  }

  public MailState[] getStates() {
    return MailState.values();
  }

  public boolean isSending() {
    return sender.configured();
  }

  public void retry(long mailId) {
    if (outbox.retry(mailId)) {
      Pages.message(FacesMessage.SEVERITY_INFO, "outbox.retried");
    } else {
      Pages.message(FacesMessage.SEVERITY_ERROR, "outbox.notFailed");
    }
  }

  private MailState chosenState() {
    if (state == null || state.isBlank()) {
      return null;
    }
    try {
      return MailState.valueOf(state);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public String getState() {
    return chosenState() == null ? "" : chosenState().name();
  }

  public int getPage() {
    return page;
  }
}

package dk.medborger.lms.ui.hr;

import dk.medborger.lms.identity.boundary.ApiTokens;
import dk.medborger.lms.identity.boundary.ApiTokens.TokenInfo;
import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.platform.NotFoundException;
import dk.medborger.lms.ui.common.Pages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An HR user's API tokens for their HR system: create one (shown once, right here), see when each
 * was last used, revoke one. A token sees what its owner sees, no more.
 */
@Named
@ViewScoped
public class TokensView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject SignedIn signedIn;

  @Inject ApiTokens tokens;

  @Inject transient Clock clock;

  private String name;
  private Integer days = 90;
  private String created;

  public List<TokenInfo> getTokens() {
    return tokens.of(signedIn.require().userId());
  }

  public Instant getNow() {
    return clock.instant();
  }

  public void create() {
    if (name == null || name.isBlank() || name.strip().length() > 100) {
      Pages.fieldError("tokenForm:name", "tokens.nameRequired");
      return;
    }
    if (days == null || days < 1 || days > ApiTokens.MAX_DAYS) {
      Pages.fieldError("tokenForm:days", "tokens.daysRange");
      return;
    }
    created =
        tokens
            .create(
                signedIn.require().userId(),
                name.strip(),
                clock.instant().plus(Duration.ofDays(days)))
            .token();
    name = null;
    Pages.message(FacesMessage.SEVERITY_INFO, "tokens.created");
  }

  public void revoke(long id) {
    try {
      tokens.revoke(signedIn.require().userId(), id);
      Pages.message(FacesMessage.SEVERITY_INFO, "tokens.revoked");
    } catch (NotFoundException e) {
      Pages.message(FacesMessage.SEVERITY_ERROR, "tokens.notYours");
    }
  }

  public String getCreated() {
    return created;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Integer getDays() {
    return days;
  }

  public void setDays(Integer days) {
    this.days = days;
  }
}

package dk.medborger.lms.quizzes.boundary;

import dk.medborger.lms.identity.boundary.Caller;
import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.identity.entity.Role;
import dk.medborger.lms.platform.NotFoundException;
import dk.medborger.lms.quizzes.control.AttemptRecords;
import dk.medborger.lms.quizzes.entity.Response;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * Saves a learner's answers as they give them, from the attempt page's script: {@code POST
 * /api/quiz-attempts/{attempt}/answers/{slot}} with {@code {"token": …, "version": …, "response":
 * {…}}}. Each save is acknowledged only once it is committed. The caller must be the attempt's
 * learner (their session), the request must come from this application's page (same origin, checked
 * for every state-changing request by {@code platform.RequestGuard}) and carry the attempt's save
 * token; answers are JSON, and so are refusals ({@code {"error": "TIME_UP"}}), never a redirect.
 */
@Path("quiz-attempts/{attempt}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AttemptAnswersResource {

  @Inject SignedIn signedIn;

  @Inject QuizTaking quizzes;

  @Context HttpServletRequest request;

  /** What the page posts. */
  public static class Save {
    public String token;
    public long version;
    public List<String> keys;
    public String text;
    public Map<String, String> matches;
  }

  /** A flag set or cleared. */
  public static class Flag {
    public String token;
    public boolean flagged;
  }

  @POST
  @Path("answers/{slot}")
  public jakarta.ws.rs.core.Response save(
      @PathParam("attempt") long attempt, @PathParam("slot") int slot, Save body) {
    return answer(
        () -> {
          if (body == null) {
            throw new QuizRefused(QuizRefused.Reason.INVALID_ANSWER);
          }
          AttemptRecords.Saved saved =
              quizzes.save(
                  learner(),
                  attempt,
                  body.token,
                  slot,
                  new Response(body.keys, body.text, body.matches),
                  body.version);
          return Map.of(
              "version",
              saved.version(),
              "savedAt",
              saved.savedAt().toString(),
              "otherTabSaved",
              saved.otherTabSaved());
        });
  }

  @POST
  @Path("flags/{slot}")
  public jakarta.ws.rs.core.Response flag(
      @PathParam("attempt") long attempt, @PathParam("slot") int slot, Flag body) {
    return answer(
        () -> {
          if (body == null) {
            throw new QuizRefused(QuizRefused.Reason.INVALID_ANSWER);
          }
          quizzes.flag(learner(), attempt, body.token, slot, body.flagged);
          return Map.of("flagged", body.flagged);
        });
  }

  private interface Work {
    Object run();
  }

  private jakarta.ws.rs.core.Response answer(Work work) {
    try {
      return jakarta.ws.rs.core.Response.ok(work.run()).build();
    } catch (SignedOut e) {
      return error(401, "SIGNED_OUT");
    } catch (NotFoundException e) {
      return error(404, "NOT_FOUND");
    } catch (QuizRefused e) {
      int status =
          switch (e.reason()) {
            case BAD_TOKEN -> 403;
            case INVALID_ANSWER -> 400;
            default -> 409;
          };
      return error(status, e.reason().name());
    }
  }

  private long learner() {
    Caller caller = signedIn.caller().orElseThrow(SignedOut::new);
    if (!caller.has(Role.LEARNER)) {
      throw new NotFoundException("not a learner");
    }
    return caller.userId();
  }

  private static jakarta.ws.rs.core.Response error(int status, String code) {
    return jakarta.ws.rs.core.Response.status(status).entity(Map.of("error", code)).build();
  }

  /** No one is signed in (the session ended). */
  private static final class SignedOut extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }
}

package dk.medborger.lms.assignments.boundary;

import dk.medborger.lms.identity.boundary.Caller;
import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.identity.entity.Role;
import dk.medborger.lms.platform.NotFoundException;
import dk.medborger.lms.platform.SameOrigin;
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
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;

/**
 * Keeps a learner's draft on the server as they type, from the assignment page's script: {@code
 * POST /api/assignments/{id}/draft} with {@code {"text": …}}, acknowledged once committed with
 * {@code {"savedAt": …}}. Same origin only (ADR 12's rule), JSON only; refusals are JSON too
 * ({@code {"error": "NOT_EDITABLE"}}), never a redirect.
 */
@Path("assignments/{assignment}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssignmentDraftResource {

  @Inject SignedIn signedIn;

  @Inject AssignmentWork work;

  @Context HttpServletRequest request;

  /** What the page posts. */
  public static class Draft {
    public String text;
  }

  @POST
  @Path("draft")
  public Response save(@PathParam("assignment") long assignment, Draft body) {
    if (!SameOrigin.check(request)) {
      return error(403, "CROSS_SITE");
    }
    Caller caller = signedIn.caller().orElse(null);
    if (caller == null) {
      return error(401, "SIGNED_OUT");
    }
    if (!caller.has(Role.LEARNER) || body == null) {
      return error(caller.has(Role.LEARNER) ? 400 : 404, "NOT_FOUND");
    }
    try {
      Instant saved = work.saveDraft(caller.userId(), assignment, body.text);
      return Response.ok(Map.of("savedAt", saved.toString())).build();
    } catch (NotFoundException e) {
      return error(404, "NOT_FOUND");
    } catch (AssignmentRefused e) {
      return error(
          e.reason() == AssignmentRefused.Reason.TEXT_TOO_LONG ? 400 : 409, e.reason().name());
    }
  }

  private static Response error(int status, String code) {
    return Response.status(status).entity(Map.of("error", code)).build();
  }
}

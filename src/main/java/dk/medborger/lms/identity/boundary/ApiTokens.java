package dk.medborger.lms.identity.boundary;

import dk.medborger.lms.identity.entity.Role;
import dk.medborger.lms.platform.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * API tokens for HR systems: an HR user creates one for their own scope, sees it once, and can
 * revoke it; it expires. Only the token's SHA-256 is stored, so a copy of the database opens
 * nothing. A request authenticates with {@code Authorization: Bearer <token>}:
 *
 * <pre>
 * Optional&lt;Long&gt; hrUser = tokens.authenticate(bearer); // empty: 401
 * </pre>
 *
 * The owner's HR role and active flag are checked on every call, like their scope.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ApiTokens {

  /** What every token starts with, so a leaked one is recognised (secret scanners, logs). */
  public static final String PREFIX = "mbr_";

  /** The longest a token may live. */
  public static final int MAX_DAYS = 366;

  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  /** A token as its owner's list shows it: never the token itself. */
  public record TokenInfo(
      long id,
      String name,
      String prefix,
      Instant createdAt,
      Instant expiresAt,
      Instant revokedAt,
      Instant lastUsedAt) {

    public boolean active(Instant now) {
      return revokedAt == null && expiresAt.isAfter(now);
    }
  }

  /** A new token: {@code token} is shown to its owner once and never again. */
  public record Created(long id, String token) {}

  /** Creates a token for the user, valid until {@code expiresAt}. */
  @Transactional
  public Created create(long userId, String name, Instant expiresAt) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return store(
        userId,
        name,
        PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret),
        expiresAt);
  }

  /** Stores a token chosen by the caller: only for demo mode, whose README prints its token. */
  @Transactional
  public Created createKnown(long userId, String name, String token, Instant expiresAt) {
    return store(userId, name, token, expiresAt);
  }

  private Created store(long userId, String name, String token, Instant expiresAt) {
    Instant now = clock.instant();
    em.createNativeQuery(
            "INSERT INTO api_token (user_id, name, token_hash, prefix, created_at, expires_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
        .setParameter(1, userId)
        .setParameter(2, name)
        .setParameter(3, hash(token))
        .setParameter(4, token.substring(0, Math.min(12, token.length())))
        .setParameter(5, Timestamp.from(now))
        .setParameter(6, Timestamp.from(expiresAt))
        .executeUpdate();
    long id =
        ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
    return new Created(id, token);
  }

  /**
   * The HR user a bearer token stands for: empty when the token is unknown, revoked or expired, or
   * its owner is no longer an active HR user.
   */
  @Transactional
  public Optional<Long> authenticate(String token) {
    if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
      return Optional.empty();
    }
    Timestamp now = Timestamp.from(clock.instant());
    List<?> rows =
        em.createNativeQuery(
                "SELECT t.id, t.user_id FROM api_token t JOIN app_user u ON u.id = t.user_id"
                    + " JOIN user_role r ON r.user_id = u.id AND r.role = ?"
                    + " WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ?"
                    + " AND u.active = TRUE")
            .setParameter(1, Role.HR.name())
            .setParameter(2, hash(token))
            .setParameter(3, now)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    em.createNativeQuery("UPDATE api_token SET last_used_at = ? WHERE id = ?")
        .setParameter(1, now)
        .setParameter(2, ((Number) row[0]).longValue())
        .executeUpdate();
    return Optional.of(((Number) row[1]).longValue());
  }

  /** The user's tokens, newest first. */
  public List<TokenInfo> of(long userId) {
    List<TokenInfo> tokens = new ArrayList<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT id, name, prefix, created_at, expires_at, revoked_at, last_used_at"
                    + " FROM api_token WHERE user_id = ? ORDER BY created_at DESC, id DESC")
            .setParameter(1, userId)
            .getResultList()) {
      Object[] r = (Object[]) row;
      tokens.add(
          new TokenInfo(
              ((Number) r[0]).longValue(),
              (String) r[1],
              (String) r[2],
              instant(r[3]),
              instant(r[4]),
              instant(r[5]),
              instant(r[6])));
    }
    return tokens;
  }

  /** Revokes one of the user's own tokens; 404 for another user's or a missing one. */
  @Transactional
  public void revoke(long userId, long tokenId) {
    int changed =
        em.createNativeQuery(
                "UPDATE api_token SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? AND user_id = ?")
            .setParameter(1, Timestamp.from(clock.instant()))
            .setParameter(2, tokenId)
            .setParameter(3, userId)
            .executeUpdate();
    if (changed == 0) {
      throw new NotFoundException("token " + tokenId);
    }
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant instant(Object value) {
    return dk.medborger.lms.platform.SqlValues.instant(value);
  }
}

package dk.medborger.lms.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Passwords: PBKDF2 with HMAC-SHA512, 210,000 iterations (OWASP 2023), a 32-byte salt. The identity
 * store below checks logins against {@code app_user}; {@link #hash} makes the stored form with the
 * same parameters.
 */
@DatabaseIdentityStoreDefinition(
    dataSourceLookup = dk.medborger.lms.platform.Database.JNDI_NAME,
    callerQuery = "SELECT password_hash FROM app_user WHERE username = ? AND active = TRUE",
    groupsQuery =
        "SELECT r.role FROM user_role r JOIN app_user u ON u.id = r.user_id"
            + " WHERE u.username = ? AND u.active = TRUE",
    hashAlgorithm = Pbkdf2PasswordHash.class,
    hashAlgorithmParameters = {
      "Pbkdf2PasswordHash.Iterations=210000",
      "Pbkdf2PasswordHash.Algorithm=PBKDF2WithHmacSHA512",
      "Pbkdf2PasswordHash.SaltSizeBytes=32",
      "Pbkdf2PasswordHash.KeySizeBytes=64"
    })
@ApplicationScoped
public class PasswordHashing {

  @Inject Pbkdf2PasswordHash hash;

  public String hash(char[] password) {
    hash.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64"));
    return hash.generate(password);
  }
}

-- Failed logins, one row per password checked and found wrong (identity.control.LoginFailures):
-- the user name typed (an unknown one too), the client's address, whether it named a user, and
-- how long it locked further logins. A record of what happened, kept for the administrator; the
-- throttle itself counts in memory (ADR 19).
CREATE TABLE login_failure (
  id             BIGINT       NOT NULL AUTO_INCREMENT,
  username       VARCHAR(60)  NOT NULL,
  client_address VARCHAR(45)  NOT NULL,
  known_user     BOOLEAN      NOT NULL,
  locked_seconds INT          NOT NULL DEFAULT 0,
  failed_at      TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT ck_login_failure_locked CHECK (locked_seconds >= 0),
  INDEX ix_login_failure_failed_at (failed_at),
  INDEX ix_login_failure_username (username, failed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

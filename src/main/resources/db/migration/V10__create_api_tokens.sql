-- API tokens that HR users create for their HR system: only the SHA-256 of a token is kept (the
-- token is shown once), with an expiry and a revocation time; the token carries its owner's report
-- scope, read on every call.
CREATE TABLE api_token (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  user_id      BIGINT       NOT NULL,
  name         VARCHAR(100) NOT NULL,
  token_hash   CHAR(64)     NOT NULL,
  prefix       VARCHAR(12)  NOT NULL,
  created_at   TIMESTAMP(3) NOT NULL,
  expires_at   TIMESTAMP(3) NOT NULL,
  revoked_at   TIMESTAMP(3) NULL,
  last_used_at TIMESTAMP(3) NULL,
  CONSTRAINT uq_api_token_hash UNIQUE (token_hash),
  CONSTRAINT fk_api_token_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
  CONSTRAINT ck_api_token_expiry CHECK (expires_at > created_at),
  INDEX ix_api_token_user (user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

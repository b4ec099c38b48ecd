-- An instructor's exception for one learner in one quiz: extra attempts and/or another time limit
-- (Moodle's user override). Kept as one row per learner and quiz; who set it, and when.
CREATE TABLE quiz_override (
  quiz_id            BIGINT       NOT NULL,
  user_id            BIGINT       NOT NULL,
  extra_attempts     INT          NOT NULL DEFAULT 0,
  time_limit_seconds INT          NULL,
  set_by             BIGINT       NOT NULL,
  set_at             TIMESTAMP(3) NOT NULL,
  version            BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (quiz_id, user_id),
  CONSTRAINT fk_quiz_override_quiz FOREIGN KEY (quiz_id) REFERENCES quiz (activity_id),
  CONSTRAINT fk_quiz_override_user FOREIGN KEY (user_id) REFERENCES app_user (id),
  CONSTRAINT fk_quiz_override_set_by FOREIGN KEY (set_by) REFERENCES app_user (id),
  CONSTRAINT ck_quiz_override_attempts CHECK (extra_attempts BETWEEN 0 AND 20),
  CONSTRAINT ck_quiz_override_time CHECK (time_limit_seconds IS NULL OR time_limit_seconds >= 60)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

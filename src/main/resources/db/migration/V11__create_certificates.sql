-- A certificate per completed course and learner, issued when the course is completed (or, should
-- that moment be missed, the first time it is asked for). What it certifies is copied in, so it
-- stays what was issued even if names change; a long random code identifies it on the public
-- verification page. Revoking keeps the row, with who, when and why.
CREATE TABLE certificate (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  user_id        BIGINT       NOT NULL,
  course_id      BIGINT       NOT NULL,
  code           CHAR(26)     NOT NULL,
  learner_name   VARCHAR(150) NOT NULL,
  course_title   VARCHAR(200) NOT NULL,
  course_minutes INT          NOT NULL,
  organisation   VARCHAR(300) NULL,
  completed_at   TIMESTAMP(3) NOT NULL,
  issued_at      TIMESTAMP(3) NOT NULL,
  revoked_at     TIMESTAMP(3) NULL,
  revoked_by     BIGINT       NULL,
  revoke_reason  VARCHAR(500) NULL,
  CONSTRAINT uq_certificate_code UNIQUE (code),
  CONSTRAINT uq_certificate_learner_course UNIQUE (user_id, course_id),
  CONSTRAINT fk_certificate_user FOREIGN KEY (user_id) REFERENCES app_user (id),
  CONSTRAINT fk_certificate_course FOREIGN KEY (course_id) REFERENCES course (id),
  CONSTRAINT fk_certificate_revoked_by FOREIGN KEY (revoked_by) REFERENCES app_user (id),
  CONSTRAINT ck_certificate_revoked CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

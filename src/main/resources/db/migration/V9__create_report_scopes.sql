-- Whom an HR user (or a unit manager with the HR role) may see in reports: one row per unit or
-- municipality; a row with neither means the whole organisation (the course's central
-- administration). No row: nobody. Read on every request, so a scope removed takes effect at once.
CREATE TABLE report_scope (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  user_id         BIGINT NOT NULL,
  municipality_id BIGINT NULL,
  unit_id         BIGINT NULL,
  CONSTRAINT fk_report_scope_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
  CONSTRAINT fk_report_scope_municipality FOREIGN KEY (municipality_id) REFERENCES municipality (id),
  CONSTRAINT fk_report_scope_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id),
  CONSTRAINT ck_report_scope_one_level CHECK (municipality_id IS NULL OR unit_id IS NULL),
  INDEX ix_report_scope_user (user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Reports filter enrolments by course and sort people by name in Danish order.
CREATE INDEX ix_enrolment_course_user ON enrolment (course_id, user_id);

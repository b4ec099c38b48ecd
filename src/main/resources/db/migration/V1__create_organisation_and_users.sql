-- Organisation: municipality (kommune) -> unit; staff belong to one unit and have a job role.
CREATE TABLE municipality (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  name       VARCHAR(100) NOT NULL,
  CONSTRAINT uq_municipality_name UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE org_unit (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  municipality_id BIGINT       NOT NULL,
  name            VARCHAR(150) NOT NULL,
  kind            VARCHAR(20)  NOT NULL,
  CONSTRAINT fk_org_unit_municipality FOREIGN KEY (municipality_id) REFERENCES municipality (id),
  CONSTRAINT uq_org_unit_name UNIQUE (municipality_id, name),
  CONSTRAINT ck_org_unit_kind CHECK (kind IN ('LIBRARY', 'CITIZEN_SERVICE', 'COMBINED', 'ADMINISTRATION'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE app_user (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  username      VARCHAR(60)  NOT NULL,
  password_hash VARCHAR(400) NOT NULL,
  full_name     VARCHAR(150) NOT NULL,
  email         VARCHAR(200) NULL,
  unit_id       BIGINT       NULL,
  job_role      VARCHAR(30)  NULL,
  locale        VARCHAR(5)   NOT NULL DEFAULT 'da',
  active        BOOLEAN      NOT NULL DEFAULT TRUE,
  created_at    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  version       BIGINT       NOT NULL DEFAULT 0,
  CONSTRAINT uq_app_user_username UNIQUE (username),
  CONSTRAINT fk_app_user_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id),
  CONSTRAINT ck_app_user_locale CHECK (locale IN ('da', 'en')),
  CONSTRAINT ck_app_user_job_role CHECK (job_role IS NULL OR job_role IN
    ('LIBRARIAN', 'LIBRARY_ASSISTANT', 'CITIZEN_SERVICE_OFFICER', 'MANAGER', 'CONSULTANT'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE user_role (
  user_id BIGINT      NOT NULL,
  role    VARCHAR(20) NOT NULL,
  PRIMARY KEY (user_id, role),
  CONSTRAINT fk_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
  CONSTRAINT ck_user_role_role CHECK (role IN ('LEARNER', 'INSTRUCTOR', 'HR', 'ADMIN'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

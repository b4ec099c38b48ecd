-- Rubrics are written in the browser now (ADR 24). A criterion or level without a title would be
-- a judgement of nothing: the page and the service refuse one, and the schema says so too. The
-- assignment keeps when its rubric was last written; that change of its own row raises its
-- version, which a grade being saved compares with the one it was worked out against.
ALTER TABLE rubric_criterion
  ADD CONSTRAINT ck_rubric_criterion_title CHECK (CHAR_LENGTH(TRIM(title)) > 0);
ALTER TABLE rubric_level
  ADD CONSTRAINT ck_rubric_level_title CHECK (CHAR_LENGTH(TRIM(title)) > 0);
ALTER TABLE assignment ADD COLUMN rubric_changed_at TIMESTAMP(3) NULL;

-- The enrolment keeps how many of the course's assignments the learner has passed, like its quiz
-- average (V12): reports show assignment results from enrolment rows alone. Written with each
-- outcome in the same transaction (ProgressRecords); filled here for what exists.
ALTER TABLE enrolment
  ADD COLUMN assignments_passed SMALLINT NOT NULL DEFAULT 0 AFTER quiz_percent,
  ADD CONSTRAINT ck_enrolment_assignments_passed CHECK (assignments_passed >= 0);

UPDATE enrolment e
  JOIN (SELECT ap.enrolment_id, COUNT(*) AS passed
        FROM activity_progress ap JOIN activity a ON a.id = ap.activity_id
        WHERE a.kind = 'ASSIGNMENT' AND ap.passed = TRUE
        GROUP BY ap.enrolment_id) p ON p.enrolment_id = e.id
  SET e.assignments_passed = p.passed;

-- The enrolment keeps the learner's average quiz score in the course, like its status and percent
-- (ADR 4, ADR 15): reports then aggregate enrolment rows alone, never every progress row. Written
-- with each outcome in the same transaction (ProgressRecords); filled here for what exists.
ALTER TABLE enrolment
  ADD COLUMN quiz_percent DECIMAL(5,1) NULL AFTER progress_percent,
  ADD CONSTRAINT ck_enrolment_quiz_percent CHECK (quiz_percent IS NULL OR quiz_percent BETWEEN 0 AND 100);

UPDATE enrolment e
  JOIN (SELECT ap.enrolment_id, ROUND(AVG(100 * ap.score / ap.max_score), 1) AS quiz_percent
        FROM activity_progress ap JOIN activity a ON a.id = ap.activity_id
        WHERE a.kind = 'QUIZ' AND ap.max_score > 0 AND ap.score IS NOT NULL
        GROUP BY ap.enrolment_id) q ON q.enrolment_id = e.id
  SET e.quiz_percent = q.quiz_percent;

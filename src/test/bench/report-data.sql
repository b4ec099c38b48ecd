-- The data generator for reports (issue 10; run-report-benchmarks.sh, docs/benchmarks.md): fills a
-- database that has the demo data with @learners learners (the caller sets it, e.g. 20000) in 20
-- municipalities of 5 units each, every learner enrolled in "digitalt-medborgerskab" (25
-- activities: 17 lessons and 8 quizzes) with a due date, and their progress: learner n has done
-- the first min(25, n * 7919 mod 52) activities (about half have completed the course), the next
-- one in progress, quiz scores between 50 and 100 %. MariaDB's sequence engine makes the rows in SQL, so 600,000 rows take seconds, not
-- minutes. Prints the rows made. Run it once on a fresh data folder.
SET @course = (SELECT id FROM course WHERE slug = 'digitalt-medborgerskab');

INSERT INTO municipality (name) SELECT CONCAT('Benchkommune ', LPAD(seq, 2, '0')) FROM seq_1_to_20;
INSERT INTO org_unit (municipality_id, name, kind)
SELECT m.id, CONCAT(ELT(u.seq, 'Bibliotek', 'Borgerservice', 'Filial Nord', 'Filial Syd', 'Administration'), ' ', SUBSTRING(m.name, 14)),
       ELT(u.seq, 'LIBRARY', 'CITIZEN_SERVICE', 'COMBINED', 'COMBINED', 'ADMINISTRATION')
FROM municipality m JOIN seq_1_to_5 u WHERE m.name LIKE 'Benchkommune %';

CREATE TEMPORARY TABLE bench_units (n INT PRIMARY KEY, unit_id BIGINT NOT NULL);
INSERT INTO bench_units
SELECT ROW_NUMBER() OVER (ORDER BY ou.id) - 1, ou.id
FROM org_unit ou JOIN municipality m ON m.id = ou.municipality_id WHERE m.name LIKE 'Benchkommune %';

-- Names in Danish, with Æ, Ø and Å, so that the Danish order is exercised.
INSERT INTO app_user (username, password_hash, full_name, unit_id, job_role)
SELECT CONCAT('rbench-', s.seq),
       'PBKDF2WithHmacSHA512:1:AAAA:AAAA',
       CONCAT(ELT(1 + s.seq % 12, 'Anne', 'Bo', 'Camilla', 'Dorte', 'Erik', 'Frida', 'Gustav', 'Helle', 'Ærø', 'Øjvind', 'Åse', 'Zenia'),
              ' ', ELT(1 + (s.seq DIV 12) % 10, 'Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Østergaard'),
              ' ', s.seq),
       b.unit_id,
       ELT(1 + s.seq % 4, 'LIBRARIAN', 'LIBRARY_ASSISTANT', 'CITIZEN_SERVICE_OFFICER', 'MANAGER')
FROM seq_1_to_1000000 s JOIN bench_units b ON b.n = s.seq % 100
WHERE s.seq <= @learners;

INSERT INTO user_role (user_id, role) SELECT id, 'LEARNER' FROM app_user WHERE username LIKE 'rbench-%';

CREATE TEMPORARY TABLE bench_activities (position INT PRIMARY KEY, activity_id BIGINT NOT NULL, kind VARCHAR(20) NOT NULL);
INSERT INTO bench_activities
SELECT ROW_NUMBER() OVER (ORDER BY m.position, a.position), a.id, a.kind
FROM activity a JOIN course_module m ON m.id = a.module_id WHERE m.course_id = @course;
SET @activities = (SELECT COUNT(*) FROM bench_activities);

-- done: how many activities the learner has completed (0 … all); enrolled 1–200 days ago, due
-- 30 days after enrolment (so some are overdue).
INSERT INTO enrolment (user_id, course_id, enrolled_at, due_date, status, progress_percent,
                       completed_at, last_accessed_at)
SELECT u.id, @course,
       NOW(3) - INTERVAL (1 + CAST(SUBSTRING(u.username, 8) AS UNSIGNED) % 200) DAY,
       CURDATE() - INTERVAL (1 + CAST(SUBSTRING(u.username, 8) AS UNSIGNED) % 200) DAY + INTERVAL 30 DAY,
       CASE WHEN d.done = 0 THEN 'NOT_STARTED' WHEN d.done >= @activities THEN 'COMPLETED' ELSE 'IN_PROGRESS' END,
       LEAST(100, FLOOR(100 * d.done / @activities)),
       CASE WHEN d.done >= @activities THEN NOW(3) - INTERVAL (CAST(SUBSTRING(u.username, 8) AS UNSIGNED) % 30) HOUR END,
       CASE WHEN d.done > 0 THEN NOW(3) - INTERVAL (CAST(SUBSTRING(u.username, 8) AS UNSIGNED) % 500) HOUR END
FROM app_user u
JOIN (SELECT id, LEAST(@activities, (CAST(SUBSTRING(username, 8) AS UNSIGNED) * 7919) % (2 * @activities + 2)) AS done
      FROM app_user WHERE username LIKE 'rbench-%') d ON d.id = u.id;

-- Completed activities (quizzes with a score), then the one in progress.
INSERT INTO activity_progress (enrolment_id, activity_id, status, score, max_score, passed,
                               started_at, last_opened_at, completed_at, outcome_at)
SELECT e.id, a.activity_id, 'COMPLETED',
       CASE WHEN a.kind = 'QUIZ' THEN 4 + (e.id + a.position) % 5 END,
       CASE WHEN a.kind = 'QUIZ' THEN 8 END,
       CASE WHEN a.kind = 'QUIZ' THEN TRUE END,
       e.enrolled_at, e.enrolled_at, e.enrolled_at + INTERVAL a.position HOUR,
       CASE WHEN a.kind = 'QUIZ' THEN e.enrolled_at + INTERVAL a.position HOUR END
FROM enrolment e JOIN app_user u ON u.id = e.user_id
JOIN bench_activities a ON a.position <= LEAST(@activities, (CAST(SUBSTRING(u.username, 8) AS UNSIGNED) * 7919) % (2 * @activities + 2))
WHERE u.username LIKE 'rbench-%' AND e.course_id = @course;
INSERT INTO activity_progress (enrolment_id, activity_id, status, started_at, last_opened_at)
SELECT e.id, a.activity_id, 'IN_PROGRESS', e.last_accessed_at, e.last_accessed_at
FROM enrolment e JOIN app_user u ON u.id = e.user_id
JOIN bench_activities a ON a.position = LEAST(@activities, (CAST(SUBSTRING(u.username, 8) AS UNSIGNED) * 7919) % (2 * @activities + 2)) + 1
WHERE u.username LIKE 'rbench-%' AND e.course_id = @course AND e.status = 'IN_PROGRESS';

-- The quiz average each enrolment keeps (V12), as the application writes it with every outcome.
UPDATE enrolment e
  JOIN (SELECT ap.enrolment_id, ROUND(AVG(100 * ap.score / ap.max_score), 1) AS quiz_percent
        FROM activity_progress ap JOIN activity a ON a.id = ap.activity_id
        WHERE a.kind = 'QUIZ' AND ap.max_score > 0 AND ap.score IS NOT NULL
        GROUP BY ap.enrolment_id) q ON q.enrolment_id = e.id
  SET e.quiz_percent = q.quiz_percent
  WHERE e.course_id = @course;

SELECT (SELECT COUNT(*) FROM app_user WHERE username LIKE 'rbench-%') AS learners,
       (SELECT COUNT(*) FROM enrolment e JOIN app_user u ON u.id = e.user_id WHERE u.username LIKE 'rbench-%') AS enrolments,
       (SELECT COUNT(*) FROM activity_progress p JOIN enrolment e ON e.id = p.enrolment_id
          JOIN app_user u ON u.id = e.user_id WHERE u.username LIKE 'rbench-%') AS progress_rows;

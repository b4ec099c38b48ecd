-- The database after a quiz benchmark run (run-quiz-benchmarks.sh), in the same session as the
-- expected-*.sql that QuizLoad.java wrote (the temporary table bench_expected: every acknowledged
-- answer, attempt, slot and the response as stored). The caller sets @prefix (the run's learners,
-- e.g. 'qbench-b%'), @quiz, @acks (saves acknowledged with 200 in the run) and @burst (1: every
-- learner saved each answer once and handed in; the last four checks only then). One line per
-- check: what, found, wanted, ok.
SELECT 'acknowledged answers to find', COUNT(*), '-', 1 FROM bench_expected;

-- Lost: acknowledged, but not in the database with the value sent.
SELECT 'lost answers (acknowledged, value not in the database)', COUNT(*), 0, COUNT(*) = 0
FROM bench_expected e
LEFT JOIN attempt_answer a
  ON a.attempt_id = e.attempt_id AND a.slot = e.slot AND JSON_EQUALS(a.response, e.response)
WHERE a.id IS NULL;

SELECT 'duplicated answers (more than one row per attempt and slot)', COUNT(*), 0, COUNT(*) = 0
FROM (SELECT a.attempt_id, a.slot FROM attempt_answer a
      JOIN quiz_attempt t ON t.id = a.attempt_id JOIN app_user u ON u.id = t.user_id
      WHERE u.username LIKE @prefix GROUP BY a.attempt_id, a.slot HAVING COUNT(*) > 1) d;

-- Every acknowledged save counted once by the server (attempt_answer.saves), none more.
SELECT 'saves counted by the server (sum of attempt_answer.saves)', COALESCE(SUM(a.saves), 0), @acks,
       COALESCE(SUM(a.saves), 0) = @acks
FROM attempt_answer a JOIN quiz_attempt t ON t.id = a.attempt_id JOIN app_user u ON u.id = t.user_id
WHERE u.username LIKE @prefix AND t.quiz_id = @quiz;

SELECT 'learners without exactly one attempt', COUNT(*), 0, COUNT(*) = 0
FROM app_user u
WHERE @burst = 1 AND u.username LIKE @prefix
  AND (SELECT COUNT(*) FROM quiz_attempt t WHERE t.user_id = u.id AND t.quiz_id = @quiz) <> 1
HAVING @burst = 1;

SELECT 'attempts not handed in (state <> FINISHED)', COUNT(*), 0, COUNT(*) = 0
FROM quiz_attempt t JOIN app_user u ON u.id = t.user_id
WHERE @burst = 1 AND u.username LIKE @prefix AND t.quiz_id = @quiz AND t.state <> 'FINISHED'
HAVING @burst = 1;

SELECT 'answers left blank or saved other than once', COUNT(*), 0, COUNT(*) = 0
FROM attempt_answer a JOIN quiz_attempt t ON t.id = a.attempt_id JOIN app_user u ON u.id = t.user_id
WHERE @burst = 1 AND u.username LIKE @prefix AND t.quiz_id = @quiz
  AND (a.response IS NULL OR a.saves <> 1)
HAVING @burst = 1;

SELECT 'answers not graded at hand-in (mark NULL)', COUNT(*), 0, COUNT(*) = 0
FROM attempt_answer a JOIN quiz_attempt t ON t.id = a.attempt_id JOIN app_user u ON u.id = t.user_id
WHERE @burst = 1 AND u.username LIKE @prefix AND t.quiz_id = @quiz AND a.mark IS NULL
HAVING @burst = 1;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;

/**
 * The bare SQL the report's figures come from, timed on the same MariaDB as the page
 * (run-report-benchmarks.sh): one statement per municipality with the same figures as the report's
 * first table, without the application around it. Prints "p50 X ms, p95 Y ms" over N runs after a
 * warm-up.
 *   java -cp mariadb-java-client.jar ReportSqlBench.java JDBC_URL USER PASSWORD COURSE_ID N
 */
public class ReportSqlBench {

  static final String SQL =
      "SELECT m.id, m.name, COUNT(*), SUM(e.status = 'NOT_STARTED'), SUM(e.status = 'IN_PROGRESS'),"
          + " SUM(e.status = 'COMPLETED'), SUM(e.status <> 'COMPLETED' AND e.due_date < CURDATE()),"
          + " AVG(e.quiz_percent), MAX(e.last_accessed_at)"
          + " FROM enrolment e JOIN app_user u ON u.id = e.user_id"
          + " LEFT JOIN org_unit ou ON ou.id = u.unit_id"
          + " LEFT JOIN municipality m ON m.id = ou.municipality_id"
          + " WHERE e.course_id = ? AND u.active = TRUE"
          + " GROUP BY m.id, m.name ORDER BY m.name COLLATE utf8mb4_danish_ci";

  public static void main(String[] args) throws Exception {
    long course = Long.parseLong(args[3]);
    int n = Integer.parseInt(args[4]);
    try (Connection c = DriverManager.getConnection(args[0], args[1], args[2]);
        PreparedStatement s = c.prepareStatement(SQL)) {
      s.setLong(1, course);
      double[] ms = new double[n];
      int rows = 0;
      for (int i = -Math.min(50, n); i < n; i++) {
        long t = System.nanoTime();
        rows = 0;
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            rows++;
          }
        }
        if (i >= 0) {
          ms[i] = (System.nanoTime() - t) / 1e6;
        }
      }
      Arrays.sort(ms);
      System.out.printf(
          "%d runs, %d rows, p50 %.2f ms, p95 %.2f ms%n",
          n, rows, ms[(int) (n * 0.50)], ms[(int) (n * 0.95)]);
    }
  }
}

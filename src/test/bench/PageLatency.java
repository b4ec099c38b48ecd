import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

/**
 * Sequential latency of one page for one logged-in session: warm-up, then N timed GETs; prints
 * median, p95, p99, mean and any non-200 answer. Usage:
 * java PageLatency.java URL JSESSIONID [requests=1000] [warmup=200]
 */
public class PageLatency {
  public static void main(String[] args) throws Exception {
    String url = args[0];
    String cookie = "JSESSIONID=" + args[1];
    int n = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 200;
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).build();
    int bad = 0;
    long bytes = 0;
    for (int i = 0; i < warmup; i++) {
      http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
    double[] ms = new double[n];
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      ms[i] = (System.nanoTime() - t) / 1e6;
      bytes = r.body().length;
      if (r.statusCode() != 200) {
        bad++;
      }
    }
    Arrays.sort(ms);
    System.out.printf(
        "%s%n  %d requests, %d bytes each, non-200: %d%n  median %.2f ms  p95 %.2f ms  p99 %.2f ms  mean %.2f ms  max %.2f ms%n",
        url, n, bytes, bad, ms[n / 2], ms[(int) Math.ceil(n * 0.95) - 1],
        ms[(int) Math.ceil(n * 0.99) - 1], Arrays.stream(ms).average().orElse(0), ms[n - 1]);
  }
}

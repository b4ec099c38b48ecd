package dk.medborger.lms.ui.common;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bar chart's Chart.js configuration for PrimeFaces' {@code p:chart}: one series in the site's
 * blue, no legend, no animation. A page shows every chart next to a table of the same figures, its
 * text alternative.
 *
 * <pre>
 * return BarChart.of(labels, values, Pages.text("report.completionPercent"))
 *     .horizontal().upTo(100).json();
 * </pre>
 */
public final class BarChart {

  private final List<String> labels;
  private final List<? extends Number> values;
  private final String series;
  private boolean horizontal;
  private Integer max;
  private boolean counts;

  private BarChart(List<String> labels, List<? extends Number> values, String series) {
    this.labels = List.copyOf(labels);
    this.values = values;
    this.series = series;
  }

  public static BarChart of(List<String> labels, List<? extends Number> values, String series) {
    return new BarChart(labels, values, series);
  }

  /** Bars across the page (long labels, such as names of places). */
  public BarChart horizontal() {
    horizontal = true;
    return this;
  }

  /** The value axis ends at {@code top} (100 for percentages). */
  public BarChart upTo(int top) {
    max = top;
    return this;
  }

  /** Whole numbers only on the value axis. */
  public BarChart counting() {
    counts = true;
    return this;
  }

  public String json() {
    Map<String, Object> dataset = new LinkedHashMap<>();
    dataset.put("label", series);
    dataset.put("data", values);
    dataset.put("backgroundColor", "#0b4f8a");
    Map<String, Object> axis = new LinkedHashMap<>();
    axis.put("beginAtZero", true);
    if (max != null) {
      axis.put("max", max);
    }
    if (counts) {
      axis.put("ticks", Map.of("precision", 0));
    }
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("animation", false);
    if (horizontal) {
      options.put("indexAxis", "y");
    }
    options.put("plugins", Map.of("legend", Map.of("display", false)));
    options.put("scales", Map.of(horizontal ? "x" : "y", axis));
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("type", "bar");
    chart.put("data", Map.of("labels", labels, "datasets", List.of(dataset)));
    chart.put("options", options);
    try (Jsonb jsonb = JsonbBuilder.create()) {
      return jsonb.toJson(chart);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

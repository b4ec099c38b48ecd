package dk.medborger.lms.reporting.boundary;

import static dk.medborger.lms.platform.Csv.cell;

import dk.medborger.lms.platform.Clocks;
import dk.medborger.lms.platform.Csv;
import dk.medborger.lms.reporting.boundary.CompletionReports.People;
import dk.medborger.lms.reporting.boundary.CompletionReports.PersonRow;
import dk.medborger.lms.reporting.control.ReportSql.PeopleOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Exports of exactly the filtered report, every row (not the page on screen), read page by page so
 * memory does not grow with the report. CSV as Danish Excel opens it: UTF-8 with BOM, {@code ;}
 * between cells, decimal commas, dates as {@code dd-mm-yyyy}.
 *
 * <pre>
 * exports.csv(hrUserId, filter, key -&gt; bundle.getString(key), writer);
 * </pre>
 */
@ApplicationScoped
public class ReportExports {

  /** Rows read per statement while exporting. */
  static final int PAGE = 1000;

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").withZone(Clocks.DANISH_TIME);

  /** The columns, by their bundle key {@code report.column.<name>}. */
  static final List<String> COLUMNS =
      List.of(
          "municipality",
          "unit",
          "name",
          "jobRole",
          "status",
          "overdue",
          "progress",
          "enrolled",
          "due",
          "completed",
          "lastActivity",
          "quiz");

  @Inject CompletionReports reports;

  /**
   * Writes the report's people as CSV; {@code text} gives the interface's texts by bundle key. 403
   * and 404 as {@link CompletionReports#people} (before anything is written).
   */
  public void csv(long hrUserId, ReportFilter filter, Function<String, String> text, Writer out)
      throws IOException {
    People page = reports.people(hrUserId, filter, PeopleOrder.NAME, false, 0, PAGE);
    out.write(Csv.BOM);
    List<String> headings = new ArrayList<>();
    for (String column : COLUMNS) {
      headings.add(cell(text.apply("report.column." + column)));
    }
    out.write(String.join(";", headings));
    out.write("\r\n");
    while (true) {
      for (PersonRow row : page.rows()) {
        out.write(
            String.join(
                ";",
                cell(row.municipality()),
                cell(row.unit()),
                cell(row.name()),
                row.jobRole() == null ? "" : cell(text.apply("jobRole." + row.jobRole())),
                cell(text.apply("reportStatus." + row.status())),
                row.overdue() ? cell(text.apply("report.yes")) : "",
                String.valueOf(row.progressPercent()),
                time(row.enrolledAt()),
                day(row.dueDate()),
                time(row.completedAt()),
                time(row.lastActivity()),
                comma(row.quizPercent())));
        out.write("\r\n");
      }
      int next = page.first() + page.rows().size();
      if (page.rows().size() < PAGE || next >= page.total()) {
        break;
      }
      page = reports.people(hrUserId, filter, PeopleOrder.NAME, false, next, PAGE);
    }
    out.flush();
  }

  /**
   * Writes the report's people as an XLSX workbook, streamed: only a window of rows is held in
   * memory; dates are real date cells and percentages numbers, so the sheet sorts and sums.
   */
  public void xlsx(
      long hrUserId, ReportFilter filter, Function<String, String> text, OutputStream out)
      throws IOException {
    People page = reports.people(hrUserId, filter, PeopleOrder.NAME, false, 0, PAGE);
    SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    try {
      workbook.setCompressTempFiles(true);
      Sheet sheet = workbook.createSheet(text.apply("report.sheet"));
      CellStyle heading = workbook.createCellStyle();
      Font bold = workbook.createFont();
      bold.setBold(true);
      heading.setFont(bold);
      CellStyle dayStyle = workbook.createCellStyle();
      dayStyle.setDataFormat(workbook.createDataFormat().getFormat("dd-mm-yyyy"));
      CellStyle timeStyle = workbook.createCellStyle();
      timeStyle.setDataFormat(workbook.createDataFormat().getFormat("dd-mm-yyyy hh:mm"));
      Row head = sheet.createRow(0);
      for (int c = 0; c < COLUMNS.size(); c++) {
        Cell cell = head.createCell(c);
        cell.setCellValue(text.apply("report.column." + COLUMNS.get(c)));
        cell.setCellStyle(heading);
      }
      sheet.createFreezePane(0, 1);
      int r = 1;
      while (true) {
        for (PersonRow row : page.rows()) {
          Row line = sheet.createRow(r++);
          int c = 0;
          line.createCell(c++).setCellValue(nullToEmpty(row.municipality()));
          line.createCell(c++).setCellValue(nullToEmpty(row.unit()));
          line.createCell(c++).setCellValue(row.name());
          line.createCell(c++)
              .setCellValue(row.jobRole() == null ? "" : text.apply("jobRole." + row.jobRole()));
          line.createCell(c++).setCellValue(text.apply("reportStatus." + row.status()));
          line.createCell(c++).setCellValue(row.overdue() ? text.apply("report.yes") : "");
          line.createCell(c++).setCellValue(row.progressPercent());
          timeCell(line, c++, row.enrolledAt(), timeStyle);
          Cell due = line.createCell(c++);
          if (row.dueDate() != null) {
            due.setCellValue(row.dueDate());
            due.setCellStyle(dayStyle);
          }
          timeCell(line, c++, row.completedAt(), timeStyle);
          timeCell(line, c++, row.lastActivity(), timeStyle);
          Cell quiz = line.createCell(c);
          if (row.quizPercent() != null) {
            quiz.setCellValue(row.quizPercent().doubleValue());
          }
        }
        int next = page.first() + page.rows().size();
        if (page.rows().size() < PAGE || next >= page.total()) {
          break;
        }
        page = reports.people(hrUserId, filter, PeopleOrder.NAME, false, next, PAGE);
      }
      workbook.write(out);
      out.flush();
    } finally {
      workbook.close();
    }
  }

  private static void timeCell(Row row, int column, Instant instant, CellStyle style) {
    Cell cell = row.createCell(column);
    if (instant != null) {
      cell.setCellValue(instant.atZone(Clocks.DANISH_TIME).toLocalDateTime());
      cell.setCellStyle(style);
    }
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }

  private static String day(LocalDate date) {
    return date == null ? "" : DAY.format(date);
  }

  private static String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }

  private static String comma(BigDecimal value) {
    return value == null ? "" : value.toPlainString().replace('.', ',');
  }
}

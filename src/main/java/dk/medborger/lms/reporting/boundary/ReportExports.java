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
          "quiz",
          "assignments");

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
                comma(row.quizPercent()),
                String.valueOf(row.assignmentsPassed())));
        out.write("\r\n");
      }
      int next = page.first() + page.rows().size();
      if (page.rows().size() < PAGE || next >= page.total()) {
        break;
      }
      page = reports.people(hrUserId, filter, PeopleOrder.NAME, false, next, PAGE, page.total());
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
          Cell quiz = line.createCell(c++);
          if (row.quizPercent() != null) {
            quiz.setCellValue(row.quizPercent().doubleValue());
          }
          line.createCell(c).setCellValue(row.assignmentsPassed());
        }
        int next = page.first() + page.rows().size();
        if (page.rows().size() < PAGE || next >= page.total()) {
          break;
        }
        page = reports.people(hrUserId, filter, PeopleOrder.NAME, false, next, PAGE, page.total());
      }
      workbook.write(out);
      out.flush();
    } finally {
      workbook.close();
    }
  }

  /**
   * Writes the report's people as a PDF (OpenPDF): the title, the filter in words, the date it was
   * made and "page n of m" on every page, then every row, added to the document in chunks so the
   * table never holds more than one chunk.
   *
   * @param filterText the filter as the reader should see it, e.g. "Kolding Kommune · Over fristen"
   */
  public void pdf(
      long hrUserId,
      ReportFilter filter,
      Function<String, String> text,
      String title,
      String filterText,
      OutputStream out)
      throws IOException {
    People page = reports.people(hrUserId, filter, PeopleOrder.NAME, false, 0, PAGE);
    com.lowagie.text.Document document =
        new com.lowagie.text.Document(com.lowagie.text.PageSize.A4.rotate(), 28, 28, 56, 40);
    try {
      com.lowagie.text.pdf.PdfWriter writer =
          com.lowagie.text.pdf.PdfWriter.getInstance(document, out);
      writer.setPageEvent(
          new PageNumbers(text.apply("report.pdf.page"), text.apply("report.pdf.of"), title));
      document.addTitle(title);
      document.open();
      com.lowagie.text.Font heading =
          new com.lowagie.text.Font(
              com.lowagie.text.Font.HELVETICA, 16, com.lowagie.text.Font.BOLD);
      com.lowagie.text.Font normal = new com.lowagie.text.Font(com.lowagie.text.Font.HELVETICA, 9);
      com.lowagie.text.Font bold =
          new com.lowagie.text.Font(com.lowagie.text.Font.HELVETICA, 9, com.lowagie.text.Font.BOLD);
      document.add(new com.lowagie.text.Paragraph(title, heading));
      document.add(new com.lowagie.text.Paragraph(filterText, normal));
      document.add(
          new com.lowagie.text.Paragraph(
              text.apply("report.pdf.made") + " " + TIME.format(java.time.Instant.now()), normal));
      document.add(new com.lowagie.text.Paragraph(" ", normal));
      List<String> columns =
          List.of(
              "unit",
              "name",
              "jobRole",
              "status",
              "progress",
              "due",
              "completed",
              "lastActivity",
              "quiz",
              "assignments");
      com.lowagie.text.pdf.PdfPTable table = new com.lowagie.text.pdf.PdfPTable(columns.size());
      table.setWidthPercentage(100);
      table.setWidths(new float[] {17, 17, 11, 10, 7, 8, 9, 9, 6, 6});
      table.setHeaderRows(1);
      table.setComplete(false);
      for (String column : columns) {
        com.lowagie.text.pdf.PdfPCell cell =
            new com.lowagie.text.pdf.PdfPCell(
                new com.lowagie.text.Phrase(text.apply("report.column." + column), bold));
        cell.setGrayFill(0.9f);
        table.addCell(cell);
      }
      while (true) {
        for (PersonRow row : page.rows()) {
          table.addCell(new com.lowagie.text.Phrase(nullToEmpty(row.unit()), normal));
          table.addCell(new com.lowagie.text.Phrase(row.name(), normal));
          table.addCell(
              new com.lowagie.text.Phrase(
                  row.jobRole() == null ? "" : text.apply("jobRole." + row.jobRole()), normal));
          table.addCell(
              new com.lowagie.text.Phrase(
                  text.apply("reportStatus." + row.status())
                      + (row.overdue() ? ", " + text.apply("reportStatus.OVERDUE") : ""),
                  normal));
          table.addCell(new com.lowagie.text.Phrase(row.progressPercent() + " %", normal));
          table.addCell(new com.lowagie.text.Phrase(day(row.dueDate()), normal));
          table.addCell(new com.lowagie.text.Phrase(dayOf(row.completedAt()), normal));
          table.addCell(new com.lowagie.text.Phrase(dayOf(row.lastActivity()), normal));
          table.addCell(
              new com.lowagie.text.Phrase(
                  row.quizPercent() == null ? "" : comma(row.quizPercent()) + " %", normal));
          table.addCell(
              new com.lowagie.text.Phrase(String.valueOf(row.assignmentsPassed()), normal));
        }
        document.add(table);
        int next = page.first() + page.rows().size();
        if (page.rows().size() < PAGE || next >= page.total()) {
          break;
        }
        page = reports.people(hrUserId, filter, PeopleOrder.NAME, false, next, PAGE, page.total());
      }
      table.setComplete(true);
      document.add(table);
    } catch (com.lowagie.text.DocumentException e) {
      throw new IOException("the PDF could not be written", e);
    } finally {
      document.close();
    }
  }

  /** "Page n of m" and the title at the foot of every page; m is filled in when it is known. */
  private static final class PageNumbers extends com.lowagie.text.pdf.PdfPageEventHelper {
    private final String page;
    private final String of;
    private final String title;
    private com.lowagie.text.pdf.PdfTemplate total;
    private com.lowagie.text.pdf.BaseFont font;

    PageNumbers(String page, String of, String title) {
      this.page = page;
      this.of = of;
      this.title = title;
    }

    @Override
    public void onOpenDocument(
        com.lowagie.text.pdf.PdfWriter writer, com.lowagie.text.Document document) {
      total = writer.getDirectContent().createTemplate(40, 12);
      try {
        font =
            com.lowagie.text.pdf.BaseFont.createFont(
                com.lowagie.text.pdf.BaseFont.HELVETICA,
                com.lowagie.text.pdf.BaseFont.CP1252,
                false);
      } catch (com.lowagie.text.DocumentException | IOException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void onEndPage(
        com.lowagie.text.pdf.PdfWriter writer, com.lowagie.text.Document document) {
      com.lowagie.text.pdf.PdfContentByte canvas = writer.getDirectContent();
      String label = page + " " + writer.getPageNumber() + " " + of + " ";
      float x = document.right() - font.getWidthPoint(label, 8) - 20;
      canvas.beginText();
      canvas.setFontAndSize(font, 8);
      canvas.setTextMatrix(document.left(), 20);
      canvas.showText(title);
      canvas.setTextMatrix(x, 20);
      canvas.showText(label);
      canvas.endText();
      canvas.addTemplate(total, x + font.getWidthPoint(label, 8), 20);
    }

    @Override
    public void onCloseDocument(
        com.lowagie.text.pdf.PdfWriter writer, com.lowagie.text.Document document) {
      total.beginText();
      total.setFontAndSize(font, 8);
      total.setTextMatrix(0, 0);
      total.showText(String.valueOf(writer.getPageNumber() - 1));
      total.endText();
    }
  }

  private static String dayOf(Instant instant) {
    return instant == null ? "" : DAY.withZone(Clocks.DANISH_TIME).format(instant);
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

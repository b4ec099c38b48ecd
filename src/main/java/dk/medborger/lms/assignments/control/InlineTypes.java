package dk.medborger.lms.assignments.control;

import java.util.Set;

/**
 * The one rule of which stored files a page may show inside itself (ADR 16): PDFs and raster
 * pictures — never SVG, HTML or anything else a browser could run — and only as the type detected
 * from the file's bytes, sent with {@code nosniff}.
 *
 * <pre>
 * InlineTypes.shownInline("application/pdf")   // true
 * InlineTypes.shownInline("image/svg+xml")     // false
 * </pre>
 */
public final class InlineTypes {

  private static final Set<String> PICTURES = Set.of("image/png", "image/jpeg", "image/gif");

  private InlineTypes() {}

  public static boolean shownInline(String mediaType) {
    return isPdf(mediaType) || isPicture(mediaType);
  }

  public static boolean isPdf(String mediaType) {
    return "application/pdf".equals(mediaType);
  }

  public static boolean isPicture(String mediaType) {
    return PICTURES.contains(mediaType);
  }
}

package dk.medborger.lms.assignments.control;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Names of uploaded files made safe to keep, show and send: the last part of whatever path the
 * browser sent, without control characters, path separators, characters Windows refuses or markup
 * could use, no leading dots (so no {@code ..} and no hidden files), at most 120 characters, and
 * with letters of every language kept as they are (NFC). The name is only shown and sent; the file
 * on disk is named by the server.
 *
 * <pre>
 * SafeFileNames.of("../../etc/passwd")            // "passwd"
 * SafeFileNames.of("Refleksion – Søren.pdf")      // "Refleksion – Søren.pdf"
 * SafeFileNames.contentDisposition("Søren.pdf")   // attachment; filename="S_ren.pdf"; filename*=UTF-8''S%C3%B8ren.pdf
 * SafeFileNames.inlineDisposition("Søren.pdf")    // inline; filename="S_ren.pdf"; filename*=…
 * </pre>
 */
public final class SafeFileNames {

  /** The longest name kept. */
  public static final int MAX_LENGTH = 120;

  private static final String FALLBACK = "fil";

  private static final Set<String> RESERVED =
      Set.of(
          "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7",
          "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

  private SafeFileNames() {}

  public static String of(String raw) {
    if (raw == null) {
      return FALLBACK;
    }
    String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1);
    StringBuilder kept = new StringBuilder();
    name.codePoints()
        .filter(c -> !Character.isISOControl(c))
        .filter(c -> Character.getType(c) != Character.FORMAT) // bidi overrides, zero widths
        .filter(c -> "<>:\"|?*;`$&{}[]%".indexOf(c) < 0)
        .map(c -> Character.isWhitespace(c) ? ' ' : c)
        .forEach(kept::appendCodePoint);
    name = kept.toString().replaceAll(" {2,}", " ").strip();
    name = name.replaceAll("^[. ]+", "").replaceAll("[. ]+$", "");
    if (name.isEmpty()) {
      return FALLBACK;
    }
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    String extension = dot > 0 ? name.substring(dot) : "";
    if (RESERVED.contains(base.toUpperCase(Locale.ROOT))) {
      base = "_" + base;
    }
    if (extension.length() > 16) {
      base = base + extension;
      extension = "";
    }
    if (base.codePointCount(0, base.length()) + extension.length() > MAX_LENGTH) {
      base = base.substring(0, base.offsetByCodePoints(0, MAX_LENGTH - extension.length())).strip();
    }
    return base + extension;
  }

  /**
   * An attachment's {@code Content-Disposition} for a safe name: an ASCII fallback and the real
   * name in RFC 5987's {@code filename*}.
   */
  public static String contentDisposition(String safeName) {
    return disposition("attachment", safeName);
  }

  /** The same for a file a page shows inside itself ({@code inline}, ADR 16). */
  public static String inlineDisposition(String safeName) {
    return disposition("inline", safeName);
  }

  private static String disposition(String kind, String safeName) {
    String ascii = safeName.replaceAll("[^A-Za-z0-9._ ()-]", "_");
    String encoded = URLEncoder.encode(safeName, StandardCharsets.UTF_8).replace("+", "%20");
    return kind + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}

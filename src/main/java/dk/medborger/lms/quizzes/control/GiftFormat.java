package dk.medborger.lms.quizzes.control;

import dk.medborger.lms.quizzes.entity.QuestionContent;
import dk.medborger.lms.quizzes.entity.QuestionContent.Choice;
import dk.medborger.lms.quizzes.entity.QuestionContent.MatchPair;
import dk.medborger.lms.quizzes.entity.QuestionContent.NumericAnswer;
import dk.medborger.lms.quizzes.entity.QuestionType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes Moodle's GIFT text format, so teachers can bring question banks from Moodle or
 * write them in a text editor, and take them back out.
 *
 * <pre>
 * GiftFormat.Result r = GiftFormat.parse("""
 *     $CATEGORY: Førstehjælp
 *
 *     ::Puls::Hvor mange slag i minuttet er en normal hvilepuls?{#60..100}
 *     """);
 * if (r.errors().isEmpty()) { r.questions() ... }   // else show gift.error.&lt;CODE&gt; per line
 * String text = GiftFormat.write(r.questions());
 * </pre>
 *
 * <h2>Reading</h2>
 *
 * Questions are separated by blank lines; lines starting with {@code //} are comments; a {@code
 * $CATEGORY: a/b} line sets the category of the questions after it (an empty one resets it to
 * none). {@code ::name::} gives a name, otherwise the name is the text's first 50 characters. The
 * escapes {@code \~ \= \# \{ \} \:} give the character itself, {@code \\} a backslash and {@code
 * \n} a line break. A leading {@code [plain]}, {@code [moodle]}, {@code [markdown]} or {@code
 * [html]} is accepted and dropped: the text is kept as written. GIFT has no points, so every
 * question gets 1. The answer block decides the type, as Moodle does:
 *
 * <ul>
 *   <li>{@code {}} essay; {@code {T}} {@code {TRUE}} {@code {F}} {@code {FALSE}} (any case)
 *       true/false, with {@code #feedback} shown for a wrong answer and a second {@code #feedback}
 *       for a right one (Moodle's order: {@code {T#Nej, det er sandt#Ja}}). The keys are "true" and
 *       "false", and so are the choices' texts: the UI labels them.
 *   <li>{@code {#…}} numeric: {@code {#3:0.5}} (value:tolerance), {@code {#1..5}} (range), {@code
 *       {#=3:0 =%50%3:1#feedback}}; a decimal comma is accepted. {@code ~#feedback} is Moodle's
 *       "any other number" answer: it is read as {@link #anyOtherNumber}.
 *   <li>A block with a {@code ~} is a choice question: single choice when it has an {@code =}
 *       choice (worth 1), multiple choice when it has only {@code ~} choices, weighted {@code
 *       ~%50%} or {@code ~%-100%} (no weight is 0).
 *   <li>Only {@code =} items with {@code ->} are matching: {@code {=Danmark -> København =Norge ->
 *       Oslo}}; {@code = -> x} adds x as an extra, wrong answer. At least 2 pairs with a prompt.
 *   <li>Only {@code =} items without {@code ->} are short answers: {@code {=rød =%50%rødlig}}.
 * </ul>
 *
 * {@code ####text} at the end of a block is the general feedback; {@code #text} after an answer is
 * its feedback. Keys are given by position: "a", "b", … "z", "aa", ….
 *
 * <p>Missing-word questions are supported as in Moodle: when text follows the block, the block's
 * place becomes "_____" in the text ({@code Grant er {=begravet ~levende} i Grants grav.}). A
 * question without a block (Moodle's "description") is an error, as the quiz has no such type.
 * Reading is a little stricter than Moodle where Moodle would import nonsense silently: text before
 * the first answer marker ({@code {rød =blå}}) and items Moodle would read as text are errors.
 * Every error is collected, with the line it is on; {@link Result#questions()} holds the questions
 * that were read without error, and a caller imports nothing while there are errors.
 *
 * <h2>Writing</h2>
 *
 * {@link #write} gives text that {@link #parse} reads back to equal content for every type but
 * {@code ORDERING}, which GIFT cannot express: {@link #writable} tells which questions can be
 * written, and {@code write} throws {@link IllegalArgumentException} for any other, so an export
 * never silently drops a question. The round trip holds for content as {@code parse} gives it:
 * points 1, keys by position, no spaces around texts, line breaks as {@code \n}, no blank feedback.
 */
public final class GiftFormat {

  /** Stands for the answer block in a missing-word question, as in Moodle. */
  public static final String BLANK = "_____";

  private static final int NAME_LENGTH = 50;
  private static final int DETAIL_LENGTH = 80;
  private static final List<String> FORMATS =
      List.of("[plain]", "[moodle]", "[markdown]", "[html]");
  private static final Set<String> TRUE_FALSE = Set.of("T", "TRUE", "F", "FALSE");
  private static final Pattern WEIGHT = Pattern.compile("^%\\s*([+-]?\\d+(?:[.,]\\d+)?)\\s*%");

  /**
   * Escaped characters are replaced by Unicode noncharacters while the structure is read, so that
   * "\~" is never taken for a choice. Unicode reserves noncharacters for a program's internal use;
   * any in the input are replaced with U+FFFD first.
   */
  private static final String SPECIALS = "~=#{}:n";

  private static final char FIRST_PLACEHOLDER = '\uFDD0';

  private GiftFormat() {}

  /**
   * What a file held.
   *
   * @param questions the questions read without error, in file order
   * @param errors every error found, in file order; nothing may be imported while there are any
   */
  public record Result(List<GiftQuestion> questions, List<GiftError> errors) {
    public Result {
      questions = List.copyOf(questions);
      errors = List.copyOf(errors);
    }
  }

  /**
   * One question of a GIFT file.
   *
   * @param category the {@code $CATEGORY} in force, or null
   * @param line the 1-based line where the question starts (ignored by {@link #write})
   */
  public record GiftQuestion(String category, QuestionContent content, int line) {}

  /**
   * Something in a GIFT file that cannot be imported; the UI shows it with the bundle key {@code
   * gift.error.<code>}, {@code {0}} being the detail.
   *
   * @param line the 1-based line it is on
   * @param detail the offending text (shortened to 80 characters), a count, or null
   */
  public record GiftError(int line, Code code, String detail) {

    /** Every way a GIFT question can be wrong. */
    public enum Code {
      /** {@code ::name} without the closing {@code ::}. */
      UNCLOSED_TITLE,
      /** A question with no {@code {…}}: Moodle's "description", which the quiz does not have. */
      NO_ANSWER_BLOCK,
      /** An opening brace not closed before the question ends or the next opening brace. */
      UNCLOSED_ANSWER_BLOCK,
      /** A closing brace outside an answer block. */
      UNMATCHED_CLOSING_BRACE,
      /** A second answer block in one question, most often a missing blank line before it. */
      SECOND_ANSWER_BLOCK,
      /** Nothing but the answer block (and a name). */
      EMPTY_QUESTION_TEXT,
      /** The block is none of GIFT's kinds, e.g. text before the first {@code =} or {@code ~}. */
      UNKNOWN_ANSWER_FORMAT,
      /** A choice or short answer with no text. */
      EMPTY_ANSWER,
      /** A choice question with fewer than 2 choices; the detail is how many. */
      TOO_FEW_CHOICES,
      /** No answer gives any points. */
      NO_CORRECT_ANSWER,
      /**
       * A {@code %weight%} that is no number, out of range (−100 to 100 for choices, 0 to 100 for
       * short and numeric answers), or after an {@code =} in a choice question.
       */
      BAD_WEIGHT,
      /**
       * A numeric answer that is no number, a negative tolerance, or a range with min above max.
       */
      BAD_NUMBER,
      /** A matching item without {@code ->}, without an answer, or with {@code #feedback}. */
      BAD_MATCH_PAIR,
      /** Fewer than 2 pairs with a prompt; the detail is how many. */
      TOO_FEW_MATCH_PAIRS,
      /** A numeric block with a {@code ~} choice other than {@code ~#feedback}. */
      MIXED_ANSWER_KINDS
    }
  }

  /**
   * Moodle's "any other number" answer ({@code ~#feedback} in a numeric block): 0 points, matches
   * every number, so its feedback shows when no better answer matched. The quiz model has no such
   * answer, so it is a tolerance no number can exceed.
   */
  public static NumericAnswer anyOtherNumber(String feedback) {
    return new NumericAnswer(0, Double.MAX_VALUE, 0, feedback);
  }

  private static boolean isAnyOtherNumber(NumericAnswer answer) {
    return answer.tolerance() == Double.MAX_VALUE && answer.fraction() == 0 && answer.value() == 0;
  }

  // ---------------------------------------------------------------------------------------- read

  /** Reads GIFT text; never throws for bad input, but reports it in {@link Result#errors()}. */
  public static Result parse(String text) {
    Reader reader = new Reader();
    reader.read(text == null ? "" : text);
    return new Result(reader.questions, reader.errors);
  }

  /** The state of reading one file. */
  private static final class Reader {
    final List<GiftQuestion> questions = new ArrayList<>();
    final List<GiftError> errors = new ArrayList<>();
    private String category;

    void read(String text) {
      String clean = text.startsWith("\uFEFF") ? text.substring(1) : text;
      clean = clean.replaceAll("[\\uFDD0-\\uFDD6]", "\uFFFD");
      String[] lines = clean.split("\r\n|\r|\n", -1);
      List<String> chunk = new ArrayList<>();
      List<Integer> chunkLines = new ArrayList<>();
      for (int i = 0; i < lines.length; i++) {
        String trimmed = lines[i].strip();
        if (trimmed.isEmpty()) {
          flush(chunk, chunkLines);
        } else if (trimmed.startsWith("$CATEGORY:")) {
          // Moodle expects blank lines around it; without them it still ends the question before.
          flush(chunk, chunkLines);
          String name = trimmed.substring("$CATEGORY:".length()).strip();
          category = name.isEmpty() ? null : name;
        } else if (!trimmed.startsWith("//")) {
          // A comment line is skipped without ending the question, as in Moodle.
          chunk.add(maskEscapes(lines[i]));
          chunkLines.add(i + 1);
        }
      }
      flush(chunk, chunkLines);
    }

    private void flush(List<String> chunk, List<Integer> lines) {
      if (!chunk.isEmpty()) {
        int before = errors.size();
        QuestionContent content = new Question(chunk, lines).read();
        if (errors.size() == before && content != null) {
          questions.add(new GiftQuestion(category, content, lines.get(0)));
        }
        chunk.clear();
        lines.clear();
      }
    }

    /** One question's text, with escapes replaced, read into content while reporting errors. */
    private final class Question {
      private final String s;
      private final int[] starts;
      private final int[] fileLines;

      /** {@code lines} are the question's text lines without comments, {@code fileLines} theirs. */
      Question(List<String> lines, List<Integer> fileLines) {
        this.s = String.join("\n", lines);
        this.starts = new int[lines.size()];
        this.fileLines = fileLines.stream().mapToInt(Integer::intValue).toArray();
        for (int i = 1; i < starts.length; i++) {
          starts[i] = starts[i - 1] + lines.get(i - 1).length() + 1;
        }
      }

      private int lineAt(int position) {
        int i = Arrays.binarySearch(starts, position);
        return fileLines[i >= 0 ? i : -i - 2];
      }

      private void error(int position, GiftError.Code code, String detail) {
        errors.add(new GiftError(lineAt(position), code, shorten(detail)));
      }

      /** The content, or null after an error that leaves nothing to read on. */
      QuestionContent read() {
        int pos = skipSpace(0);
        String name = null;
        if (s.startsWith("::", pos)) {
          int end = s.indexOf("::", pos + 2);
          if (end < 0) {
            error(pos, GiftError.Code.UNCLOSED_TITLE, null);
            return null;
          }
          name = plain(s.substring(pos + 2, end));
          pos = end + 2;
        }
        int open = s.indexOf('{', pos);
        int close = s.indexOf('}', pos);
        if (open < 0 && close < 0) {
          error(0, GiftError.Code.NO_ANSWER_BLOCK, null);
          return null;
        }
        if (close >= 0 && (open < 0 || close < open)) {
          error(close, GiftError.Code.UNMATCHED_CLOSING_BRACE, null);
          return null;
        }
        int nested = s.indexOf('{', open + 1);
        if (close < 0 || (nested >= 0 && nested < close)) {
          error(open, GiftError.Code.UNCLOSED_ANSWER_BLOCK, null);
          return null;
        }
        if (nested >= 0) {
          error(nested, GiftError.Code.SECOND_ANSWER_BLOCK, null);
          return null;
        }
        int stray = s.indexOf('}', close + 1);
        if (stray >= 0) {
          error(stray, GiftError.Code.UNMATCHED_CLOSING_BRACE, null);
          return null;
        }
        String after = s.substring(close + 1);
        String text = text(s.substring(pos, open) + (after.isBlank() ? "" : BLANK + after));
        if (text.isEmpty()) {
          error(0, GiftError.Code.EMPTY_QUESTION_TEXT, null);
        }
        int end = close;
        String general = null;
        int generalAt = s.substring(open + 1, close).lastIndexOf("####");
        if (generalAt >= 0) {
          end = open + 1 + generalAt;
          general = emptyToNull(text(s.substring(end + 4, close)));
        }
        Block block = answers(open, end);
        if (block == null) {
          return null;
        }
        return new QuestionContent(
            block.type,
            name == null || name.isEmpty() ? defaultName(text) : name,
            text,
            1,
            general,
            block.choices,
            block.numbers,
            block.pairs);
      }

      private int skipSpace(int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
          i++;
        }
        return i;
      }

      /** The block's answers, between the opening brace at {@code open} and {@code end}. */
      private Block answers(int open, int end) {
        int first = skipSpace(open + 1);
        if (first >= end) {
          return new Block(QuestionType.ESSAY);
        }
        if (s.charAt(first) == '#') {
          return numeric(open, first + 1, end);
        }
        String whole = s.substring(first, end);
        int hash = whole.indexOf('#');
        String head = (hash < 0 ? whole : whole.substring(0, hash)).strip();
        if (TRUE_FALSE.contains(head.toUpperCase(Locale.ROOT))) {
          return trueFalse(head, whole);
        }
        List<Item> items = items(open + 1, end);
        Item lead = items.get(0);
        if (!lead.body().isBlank()) {
          error(lead.start(), GiftError.Code.UNKNOWN_ANSWER_FORMAT, plain(lead.body()));
          return null;
        }
        List<Item> marked = items.subList(1, items.size());
        if (marked.stream().anyMatch(i -> i.marker() == '~')) {
          return choices(open, marked);
        }
        if (marked.stream().anyMatch(i -> i.body().contains("->"))) {
          return matching(open, marked);
        }
        return shortAnswers(open, marked);
      }

      private Block trueFalse(String head, String whole) {
        String[] parts = whole.split("#", 3);
        String wrong = parts.length > 1 ? emptyToNull(text(parts[1])) : null;
        String right = parts.length > 2 ? emptyToNull(text(parts[2])) : null;
        boolean isTrue = head.toUpperCase(Locale.ROOT).startsWith("T");
        Block block = new Block(QuestionType.TRUE_FALSE);
        block.choices.add(new Choice("true", "true", isTrue ? 1 : 0, isTrue ? right : wrong));
        block.choices.add(new Choice("false", "false", isTrue ? 0 : 1, isTrue ? wrong : right));
        return block;
      }

      private Block choices(int open, List<Item> items) {
        boolean single = items.stream().anyMatch(i -> i.marker() == '=');
        Block block = new Block(single ? QuestionType.SINGLE_CHOICE : QuestionType.MULTIPLE_CHOICE);
        boolean failed = false;
        for (Item item : items) {
          Weighted weighted;
          if (item.marker() == '=' && item.body().stripLeading().startsWith("%")) {
            // Moodle would keep "%50%" as the choice's text; in a choice list weights follow ~.
            error(item.start(), GiftError.Code.BAD_WEIGHT, weightText(item.body().stripLeading()));
            weighted = null;
          } else {
            weighted = weighted(item, -100, item.marker() == '=' ? 1 : 0);
          }
          failed |= weighted == null || !addChoice(block, item, weighted);
        }
        if (!failed && items.size() < 2) {
          error(open, GiftError.Code.TOO_FEW_CHOICES, String.valueOf(items.size()));
        } else if (!failed && block.choices.stream().noneMatch(c -> c.fraction() > 0)) {
          error(open, GiftError.Code.NO_CORRECT_ANSWER, null);
        }
        return block;
      }

      private Block shortAnswers(int open, List<Item> items) {
        Block block = new Block(QuestionType.SHORT_ANSWER);
        boolean failed = false;
        for (Item item : items) {
          Weighted weighted = weighted(item, 0, 1);
          failed |= weighted == null || !addChoice(block, item, weighted);
        }
        if (!failed && block.choices.stream().noneMatch(c -> c.fraction() > 0)) {
          error(open, GiftError.Code.NO_CORRECT_ANSWER, null);
        }
        return block;
      }

      private boolean addChoice(Block block, Item item, Weighted weighted) {
        String text = text(weighted.answer());
        if (text.isEmpty()) {
          error(item.start(), GiftError.Code.EMPTY_ANSWER, null);
          return false;
        }
        block.choices.add(
            new Choice(key(block.choices.size()), text, weighted.fraction(), weighted.feedback()));
        return true;
      }

      private Block matching(int open, List<Item> items) {
        Block block = new Block(QuestionType.MATCHING);
        boolean failed = false;
        for (Item item : items) {
          int arrow = item.body().indexOf("->");
          String answer = arrow < 0 ? "" : plain(item.body().substring(arrow + 2));
          if (arrow < 0 || answer.isEmpty() || item.body().indexOf('#') >= 0) {
            error(item.start(), GiftError.Code.BAD_MATCH_PAIR, plain(item.body()));
            failed = true;
            continue;
          }
          String prompt = emptyToNull(text(item.body().substring(0, arrow)));
          block.pairs.add(new MatchPair(key(block.pairs.size()), prompt, answer));
        }
        long prompts = block.pairs.stream().filter(p -> p.prompt() != null).count();
        if (!failed && prompts < 2) {
          error(open, GiftError.Code.TOO_FEW_MATCH_PAIRS, String.valueOf(prompts));
        }
        return block;
      }

      private Block numeric(int open, int from, int end) {
        Block block = new Block(QuestionType.NUMERIC);
        boolean failed = false;
        List<Item> items = items(from, end);
        if (items.get(0).body().isBlank()) {
          items = items.subList(1, items.size());
        }
        for (Item item : items) {
          if (item.marker() == '~') {
            Weighted other = Weighted.of(0, item.body());
            if (!other.answer().isBlank()) {
              error(item.start(), GiftError.Code.MIXED_ANSWER_KINDS, plain(other.answer()));
              failed = true;
            } else {
              block.numbers.add(anyOtherNumber(other.feedback()));
            }
            continue;
          }
          Weighted weighted = weighted(item, 0, 1);
          NumericAnswer answer = weighted == null ? null : number(weighted);
          if (weighted != null && answer == null) {
            error(item.start(), GiftError.Code.BAD_NUMBER, plain(weighted.answer()));
          }
          failed |= answer == null;
          if (answer != null) {
            block.numbers.add(answer);
          }
        }
        if (!failed && block.numbers.stream().noneMatch(n -> n.fraction() > 0)) {
          error(open, GiftError.Code.NO_CORRECT_ANSWER, null);
        }
        return block;
      }

      /** {@code 3}, {@code 3:0.5} or {@code 1..5}; null when it is none of them. */
      private static NumericAnswer number(Weighted weighted) {
        String spec = weighted.answer().strip();
        int range = spec.indexOf("..");
        int colon = spec.indexOf(':');
        double value;
        double tolerance;
        if (range > 0) {
          OptionalDouble min = Numbers.parse(spec.substring(0, range));
          OptionalDouble max = Numbers.parse(spec.substring(range + 2));
          if (min.isEmpty() || max.isEmpty() || min.getAsDouble() > max.getAsDouble()) {
            return null;
          }
          value = (min.getAsDouble() + max.getAsDouble()) / 2;
          tolerance = max.getAsDouble() - value;
        } else if (colon > 0) {
          OptionalDouble v = Numbers.parse(spec.substring(0, colon));
          OptionalDouble t = Numbers.parse(spec.substring(colon + 1));
          if (v.isEmpty() || t.isEmpty() || t.getAsDouble() < 0) {
            return null;
          }
          value = v.getAsDouble();
          tolerance = t.getAsDouble();
        } else {
          OptionalDouble v = Numbers.parse(spec);
          if (v.isEmpty()) {
            return null;
          }
          value = v.getAsDouble();
          tolerance = 0;
        }
        return new NumericAnswer(value, tolerance, weighted.fraction(), weighted.feedback());
      }

      /**
       * The item read as {@code %weight%answer#feedback}, {@code unweighted} being the fraction
       * without a weight; null after reporting a bad weight (below {@code lowest} or above 100).
       */
      private Weighted weighted(Item item, int lowest, double unweighted) {
        String body = item.body().stripLeading();
        if (!body.startsWith("%")) {
          return Weighted.of(unweighted, body);
        }
        Matcher m = WEIGHT.matcher(body);
        if (m.find()) {
          BigDecimal percent = new BigDecimal(m.group(1).replace(',', '.'));
          if (percent.compareTo(BigDecimal.valueOf(lowest)) >= 0
              && percent.compareTo(BigDecimal.valueOf(100)) <= 0) {
            // Through BigDecimal, so the weight a writer printed gives back the very same double.
            return Weighted.of(percent.movePointLeft(2).doubleValue(), body.substring(m.end()));
          }
        }
        error(item.start(), GiftError.Code.BAD_WEIGHT, weightText(body));
        return null;
      }

      private static String weightText(String body) {
        int close = body.indexOf('%', 1);
        return plain(close < 0 ? body : body.substring(0, close + 1));
      }

      /**
       * The block's text between {@code from} and {@code end} cut at every {@code ~} and {@code =};
       * the first item is what comes before the first marker (marker 0).
       */
      private List<Item> items(int from, int end) {
        List<Item> items = new ArrayList<>();
        char marker = 0;
        // The text before the first marker starts at its first character, for the error's line.
        int start = skipSpace(from);
        int bodyStart = from;
        for (int i = from; i < end; i++) {
          char c = s.charAt(i);
          if (c == '~' || c == '=') {
            items.add(new Item(marker, start, s.substring(bodyStart, i)));
            marker = c;
            start = i;
            bodyStart = i + 1;
          }
        }
        items.add(new Item(marker, Math.min(start, end), s.substring(bodyStart, end)));
        return items;
      }
    }
  }

  /**
   * An answer item's fraction, its raw answer text and its feedback: {@code answer#feedback}, cut
   * at the first {@code #}.
   */
  private record Weighted(double fraction, String answer, String feedback) {
    static Weighted of(double fraction, String body) {
      int hash = body.indexOf('#');
      return hash < 0
          ? new Weighted(fraction, body, null)
          : new Weighted(
              fraction, body.substring(0, hash), emptyToNull(text(body.substring(hash + 1))));
    }
  }

  /** One answer item: its marker ({@code ~}, {@code =}, or 0 before the first), where it starts. */
  private record Item(char marker, int start, String body) {}

  /** The answers of a block as they are being read. */
  private static final class Block {
    final QuestionType type;
    final List<Choice> choices = new ArrayList<>();
    final List<NumericAnswer> numbers = new ArrayList<>();
    final List<MatchPair> pairs = new ArrayList<>();

    Block(QuestionType type) {
      this.type = type;
    }
  }

  /** Replaces each escape by its placeholder; other backslashes stay as they are, as in Moodle. */
  private static String maskEscapes(String line) {
    StringBuilder out = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        char next = line.charAt(i + 1);
        int special = SPECIALS.indexOf(next);
        if (next == '\\') {
          out.append('\\');
          i++;
          continue;
        }
        if (special >= 0) {
          out.append((char) (FIRST_PLACEHOLDER + special));
          i++;
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  private static String unmask(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int special = c - FIRST_PLACEHOLDER;
      if (special >= 0 && special < SPECIALS.length()) {
        char original = SPECIALS.charAt(special);
        out.append(original == 'n' ? '\n' : original);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Escapes resolved and spaces trimmed. */
  private static String plain(String raw) {
    return unmask(raw.strip()).strip();
  }

  /** As {@link #plain}, after dropping a leading format such as {@code [html]}. */
  private static String text(String raw) {
    String t = raw.strip();
    for (String format : FORMATS) {
      if (t.startsWith(format)) {
        t = t.substring(format.length());
        break;
      }
    }
    return plain(t);
  }

  private static String emptyToNull(String text) {
    return text.isEmpty() ? null : text;
  }

  private static String shorten(String detail) {
    if (detail == null || detail.length() <= DETAIL_LENGTH) {
      return detail;
    }
    int cut = DETAIL_LENGTH - 1;
    if (Character.isHighSurrogate(detail.charAt(cut - 1))) {
      cut--;
    }
    return detail.substring(0, cut) + "…";
  }

  /** "a" … "z", "aa", "ab", …: as a spreadsheet names columns. */
  static String key(int index) {
    StringBuilder key = new StringBuilder();
    for (int n = index + 1; n > 0; n = (n - 1) / 26) {
      key.insert(0, (char) ('a' + (n - 1) % 26));
    }
    return key.toString();
  }

  /** The name a question without {@code ::name::} gets: its first 50 characters, on one line. */
  static String defaultName(String text) {
    String line = text.strip().replaceAll("\\s+", " ");
    if (line.length() <= NAME_LENGTH) {
      return line;
    }
    int cut = NAME_LENGTH;
    if (Character.isHighSurrogate(line.charAt(cut - 1))) {
      cut--;
    }
    return line.substring(0, cut).strip();
  }

  // --------------------------------------------------------------------------------------- write

  /**
   * Whether {@link #write} can write {@code content} so that {@link #parse} reads it back: not
   * {@code ORDERING}, and not content GIFT would read as another type or reject (a single choice
   * without a choice worth exactly 1, a short answer with "->", a matching prompt with "->", too
   * few choices or pairs, no answer that gives points).
   */
  public static boolean writable(QuestionContent content) {
    if (content.text() == null || content.text().isBlank()) {
      return false;
    }
    List<Choice> choices = content.choices();
    return switch (content.type()) {
      case ORDERING -> false;
      case ESSAY -> true;
      case TRUE_FALSE ->
          choices.size() == 2
              && choices.get(0).key().equals("true")
              && choices.get(1).key().equals("false")
              && choices.get(0).fraction() + choices.get(1).fraction() == 1
              && (choices.get(0).fraction() == 1 || choices.get(1).fraction() == 1);
      case SINGLE_CHOICE ->
          choices.size() >= 2
              && choices.stream().allMatch(c -> hasText(c.text()) && within(c.fraction(), -1))
              && choices.stream().anyMatch(c -> c.fraction() == 1)
              && choices.stream().anyMatch(c -> c.fraction() != 1);
      case MULTIPLE_CHOICE ->
          choices.size() >= 2
              && choices.stream().allMatch(c -> hasText(c.text()) && within(c.fraction(), -1))
              && choices.stream().anyMatch(c -> c.fraction() > 0);
      case SHORT_ANSWER ->
          !choices.isEmpty()
              && choices.stream()
                  .allMatch(
                      c -> hasText(c.text()) && !c.text().contains("->") && within(c.fraction(), 0))
              && choices.stream().anyMatch(c -> c.fraction() > 0);
      case NUMERIC ->
          content.numbers().stream()
                  .allMatch(
                      n ->
                          isAnyOtherNumber(n)
                              || (Double.isFinite(n.value())
                                  && Double.isFinite(n.tolerance())
                                  && n.tolerance() >= 0
                                  && within(n.fraction(), 0)))
              && content.numbers().stream().anyMatch(n -> n.fraction() > 0);
      case MATCHING ->
          content.pairs().stream()
                  .allMatch(
                      p ->
                          hasText(p.answer())
                              && (p.prompt() == null
                                  || (hasText(p.prompt()) && !p.prompt().contains("->"))))
              && content.pairs().stream().filter(p -> p.prompt() != null).count() >= 2;
    };
  }

  private static boolean hasText(String text) {
    return text != null && !text.isBlank();
  }

  private static boolean within(double fraction, double lowest) {
    return fraction >= lowest && fraction <= 1;
  }

  /**
   * GIFT text for {@code questions}, a {@code $CATEGORY} line wherever the category changes.
   *
   * @throws IllegalArgumentException for a question that is not {@link #writable}, or a category
   *     with a line break
   */
  public static String write(List<GiftQuestion> questions) {
    StringBuilder out = new StringBuilder();
    String category = null;
    for (GiftQuestion question : questions) {
      QuestionContent content = question.content();
      if (!writable(content)) {
        throw new IllegalArgumentException(
            "GIFT cannot express the " + content.type() + " question '" + content.name() + "'");
      }
      String next = hasText(question.category()) ? question.category().strip() : null;
      if (!Objects.equals(next, category)) {
        if (next != null && (next.indexOf('\n') >= 0 || next.indexOf('\r') >= 0)) {
          throw new IllegalArgumentException("a category cannot have a line break: " + next);
        }
        out.append("$CATEGORY:").append(next == null ? "" : " " + next).append("\n\n");
        category = next;
      }
      String name = hasText(content.name()) ? content.name() : defaultName(content.text());
      out.append("::").append(escaped(name.strip())).append("::");
      out.append(formatted(content.text(), false));
      block(out, content);
      out.append("\n\n");
    }
    return out.toString();
  }

  private static void block(StringBuilder out, QuestionContent content) {
    switch (content.type()) {
      case ESSAY -> out.append('{').append(generalFeedback(content, "")).append('}');
      case TRUE_FALSE -> trueFalse(out, content);
      case SINGLE_CHOICE, MULTIPLE_CHOICE, SHORT_ANSWER -> {
        out.append("{\n");
        for (Choice choice : content.choices()) {
          out.append('\t').append(marker(content.type(), choice.fraction()));
          out.append(formatted(choice.text(), true))
              .append(feedback(choice.feedback()))
              .append('\n');
        }
        out.append(generalFeedback(content, "\t")).append('}');
      }
      case NUMERIC -> {
        out.append("{#\n");
        for (NumericAnswer answer : content.numbers()) {
          if (isAnyOtherNumber(answer)) {
            out.append("\t~").append(feedback(answer.feedback())).append('\n');
          } else {
            out.append("\t=").append(answer.fraction() == 1 ? "" : weight(answer.fraction()));
            out.append(plainNumber(answer.value())).append(':');
            out.append(plainNumber(answer.tolerance())).append(feedback(answer.feedback()));
            out.append('\n');
          }
        }
        out.append(generalFeedback(content, "\t")).append('}');
      }
      case MATCHING -> {
        out.append("{\n");
        for (MatchPair pair : content.pairs()) {
          out.append("\t=").append(pair.prompt() == null ? "" : formatted(pair.prompt(), false));
          out.append(" -> ").append(escaped(pair.answer().strip())).append('\n');
        }
        out.append(generalFeedback(content, "\t")).append('}');
      }
      case ORDERING -> throw new IllegalStateException("checked by writable");
    }
  }

  private static void trueFalse(StringBuilder out, QuestionContent content) {
    Choice isTrue = content.choices().get(0);
    Choice isFalse = content.choices().get(1);
    boolean trueIsRight = isTrue.fraction() == 1;
    String right = formatted(trueIsRight ? isTrue.feedback() : isFalse.feedback(), false);
    String wrong = formatted(trueIsRight ? isFalse.feedback() : isTrue.feedback(), false);
    out.append('{').append(trueIsRight ? "TRUE" : "FALSE");
    if (!wrong.isEmpty() || !right.isEmpty()) {
      out.append('#').append(wrong);
    }
    if (!right.isEmpty()) {
      out.append('#').append(right);
    }
    out.append(generalFeedback(content, "")).append('}');
  }

  private static String marker(QuestionType type, double fraction) {
    return switch (type) {
      case SINGLE_CHOICE -> fraction == 1 ? "=" : fraction == 0 ? "~" : "~" + weight(fraction);
      case MULTIPLE_CHOICE -> fraction == 0 ? "~" : "~" + weight(fraction);
      default -> fraction == 1 ? "=" : "=" + weight(fraction);
    };
  }

  private static String weight(double fraction) {
    return "%" + plainNumber(BigDecimal.valueOf(fraction).movePointRight(2)) + "%";
  }

  private static String plainNumber(double value) {
    return plainNumber(BigDecimal.valueOf(value));
  }

  /** Digits without exponent, which GIFT readers (and {@link Numbers}) do not take. */
  private static String plainNumber(BigDecimal value) {
    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
  }

  private static String feedback(String feedback) {
    return hasText(feedback) ? "#" + formatted(feedback, false) : "";
  }

  private static String generalFeedback(QuestionContent content, String indent) {
    if (!hasText(content.generalFeedback())) {
      return "";
    }
    String line = indent + "####" + formatted(content.generalFeedback(), false);
    return indent.isEmpty() ? line : line + "\n";
  }

  /**
   * Escaped text, behind {@code [plain]} when it would otherwise lose its start to the reader: a
   * leading format such as {@code [html]}, or (for an answer) a leading {@code %} read as a weight.
   */
  private static String formatted(String text, boolean answer) {
    if (text == null) {
      return "";
    }
    String t = text.strip();
    boolean guard = FORMATS.stream().anyMatch(t::startsWith) || (answer && t.startsWith("%"));
    return (guard ? "[plain]" : "") + escaped(t);
  }

  private static String escaped(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\', '~', '=', '#', '{', '}', ':' -> out.append('\\').append(c);
        case '\n' -> out.append("\\n");
        case '\r' -> {
          // A line break is written as \n; the \r of a Windows one would be a stray character.
        }
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}

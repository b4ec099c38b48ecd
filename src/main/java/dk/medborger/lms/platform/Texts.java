package dk.medborger.lms.platform;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The application's texts (the {@code messages} bundles) in one user's language, outside a page:
 * for mails, which are written in the recipient's language, not the sender's.
 *
 * <pre>
 * Texts texts = Texts.in(contact.language());
 * String subject = texts.get("mail.graded.subject", assignmentTitle);
 * </pre>
 */
public final class Texts {

  private final Locale locale;
  private final ResourceBundle bundle;

  private Texts(Locale locale) {
    this.locale = locale;
    this.bundle = ResourceBundle.getBundle("messages", locale);
  }

  /** English for "en", Danish for anything else (the course's first language). */
  public static Texts in(String language) {
    return new Texts("en".equals(language) ? Locale.ENGLISH : Locale.forLanguageTag("da"));
  }

  public Locale locale() {
    return locale;
  }

  /**
   * A mail's text: the greeting of {@code name}, the text of {@code key} with its {@code
   * arguments}, and the signature every mail ends with.
   */
  public String letter(String name, String key, Object... arguments) {
    return get("mail.greeting", name)
        + "\n\n"
        + get(key, arguments)
        + "\n\n"
        + get("mail.signature");
  }

  /** The text of {@code key}, with {@code arguments} put in its {0}, {1}, … (MessageFormat). */
  public String get(String key, Object... arguments) {
    String pattern = bundle.getString(key);
    return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
  }
}

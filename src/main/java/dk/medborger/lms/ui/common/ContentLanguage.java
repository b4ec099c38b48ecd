package dk.medborger.lms.ui.common;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The language of course content (Danish) where the interface is in another one, so that a screen
 * reader reads it with a Danish voice (WCAG 3.1.2): {@code <article lang="#{content.lang}">} is
 * {@code lang="da"} in the English interface and writes no attribute in the Danish one.
 */
@Named("content")
@RequestScoped
public class ContentLanguage {

  /** The language every course is written in today. */
  public static final String COURSE_LANGUAGE = "da";

  @Inject LocaleSelection locale;

  /** {@code "da"} when the interface is in another language, else null (no attribute). */
  public String getLang() {
    return COURSE_LANGUAGE.equals(locale.getLanguage()) ? null : COURSE_LANGUAGE;
  }
}

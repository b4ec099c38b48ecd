package dk.medborger.lms.ui.learner;

import dk.medborger.lms.progress.boundary.CourseProgress;
import dk.medborger.lms.progress.boundary.CourseProgress.ActivityStatus;
import dk.medborger.lms.progress.boundary.CourseProgress.ModuleProgress;
import dk.medborger.lms.ui.common.ActivityPages;
import dk.medborger.lms.ui.common.ContentLanguage;
import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import java.util.List;
import java.util.ResourceBundle;

/**
 * The course page's list of modules and their activities, with the learner's ticks, states and
 * locks: {@code <lms:moduleList value="#{page.progress}"/>}.
 *
 * <p>A component rather than two nested {@code ui:repeat}s, because the list is the course page: 60
 * activities with a dozen expressions each took 40 % of the page's CPU time (ADR 7), where writing
 * them here costs a few per cent. Texts come from the {@code msg} bundle, every value is escaped by
 * the response writer.
 */
@FacesComponent(
    value = ModuleList.TYPE,
    createTag = true,
    tagName = "moduleList",
    namespace = ModuleList.NAMESPACE)
public class ModuleList extends UIComponentBase {

  public static final String TYPE = "dk.medborger.lms.ModuleList";
  public static final String NAMESPACE = "https://medborger.dk/lms";

  @Override
  public String getFamily() {
    return "dk.medborger.lms";
  }

  public CourseProgress getValue() {
    return (CourseProgress) getStateHelper().eval("value");
  }

  public void setValue(CourseProgress value) {
    getStateHelper().put("value", value);
  }

  @Override
  public boolean isTransient() {
    return true;
  }

  @Override
  public void encodeEnd(FacesContext context) throws IOException {
    CourseProgress progress = getValue();
    if (progress == null) {
      return;
    }
    ResourceBundle msg = context.getApplication().getResourceBundle(context, "msg");
    // Course content is Danish: marked so where the interface is in another language (3.1.2).
    String contentLang =
        ContentLanguage.COURSE_LANGUAGE.equals(context.getViewRoot().getLocale().getLanguage())
            ? null
            : ContentLanguage.COURSE_LANGUAGE;
    String root = context.getExternalContext().getRequestContextPath();
    ResponseWriter out = context.getResponseWriter();
    out.startElement("ol", this);
    out.writeAttribute("class", "modules", null);
    List<ModuleProgress> modules = progress.modules();
    for (int i = 0; i < modules.size(); i++) {
      writeModule(out, msg, root, i + 1, modules.get(i), contentLang);
    }
    out.endElement("ol");
  }

  private void writeModule(
      ResponseWriter out,
      ResourceBundle msg,
      String root,
      int number,
      ModuleProgress mp,
      String contentLang)
      throws IOException {
    out.startElement("li", this);
    out.writeAttribute("class", "module module--" + mp.state(), null);
    out.startElement("div", this);
    out.writeAttribute("class", "module__header", null);
    out.startElement("h2", this);
    out.writeAttribute("class", "module__title", null);
    out.startElement("span", this);
    out.writeAttribute("class", "module__number", null);
    out.writeText(msg.getString("course.module") + " " + number + ":", null);
    out.endElement("span");
    out.writeText(" ", null);
    content(out, mp.module().title(), contentLang);
    out.endElement("h2");
    out.startElement("span", this);
    out.writeAttribute("class", "status status--" + mp.state(), null);
    if (mp.locked()) {
      out.startElement("span", this);
      out.writeAttribute("class", "pi pi-lock", null);
      out.writeAttribute("aria-hidden", "true", null);
      out.endElement("span");
      out.writeText(" ", null);
    }
    out.writeText(msg.getString("moduleState." + mp.state()), null);
    if (!mp.locked()) {
      out.writeText(" (" + mp.completedRequired() + "/" + mp.required() + ")", null);
    }
    out.endElement("span");
    if (mp.module().minutes() > 0) {
      out.startElement("span", this);
      out.writeAttribute("class", "module__minutes", null);
      out.writeText(
          msg.getString("course.about")
              + " "
              + mp.module().minutes()
              + " "
              + msg.getString("course.minutes"),
          null);
      out.endElement("span");
    }
    out.endElement("div");
    out.startElement("p", this);
    out.writeAttribute("class", "module__summary", null);
    if (contentLang != null) {
      out.writeAttribute("lang", contentLang, null);
    }
    if (mp.module().summary() != null) {
      out.writeText(mp.module().summary(), null);
    }
    out.endElement("p");
    if (mp.locked()) {
      out.startElement("div", this);
      out.writeAttribute("class", "notice notice--locked", null);
      out.writeText(msg.getString("course.lockedBecause") + " «", null);
      content(out, mp.blockedBy().title(), contentLang);
      out.writeText("».", null);
      out.endElement("div");
    }
    out.startElement("ol", this);
    out.writeAttribute("class", "activities", null);
    for (ActivityStatus as : mp.activities()) {
      writeActivity(out, msg, root, as, contentLang);
    }
    out.endElement("ol");
    out.endElement("li");
  }

  private void writeActivity(
      ResponseWriter out, ResourceBundle msg, String root, ActivityStatus as, String contentLang)
      throws IOException {
    out.startElement("li", this);
    out.writeAttribute("class", "activity activity--" + as.state(), null);
    out.startElement("span", this);
    out.writeAttribute(
        "class",
        as.completed() ? "activity__tick pi pi-check-circle" : "activity__tick pi pi-circle",
        null);
    out.writeAttribute("aria-hidden", "true", null);
    out.endElement("span");
    if (as.open()) {
      out.startElement("a", this);
      out.writeAttribute("class", "activity__link", null);
      out.writeURIAttribute(
          "href",
          root + ActivityPages.path(as.activity().kind()) + "?id=" + as.activity().id(),
          null);
    } else {
      out.startElement("span", this);
      out.writeAttribute("class", "activity__title--locked", null);
    }
    out.startElement("span", this);
    out.writeAttribute("class", "activity__kind " + ActivityPages.icon(as.activity().kind()), null);
    out.writeAttribute("aria-hidden", "true", null);
    out.endElement("span");
    out.startElement("span", this);
    out.writeAttribute("class", "visually-hidden", null);
    out.writeText(msg.getString(ActivityPages.labelKey(as.activity().kind())) + ": ", null);
    out.endElement("span");
    content(out, as.activity().title(), contentLang);
    out.endElement(as.open() ? "a" : "span");
    out.startElement("span", this);
    out.writeAttribute("class", "activity__state", null);
    out.writeText(msg.getString("activityState." + as.state()), null);
    out.endElement("span");
    if (as.activity().minutes() != null) {
      out.startElement("span", this);
      out.writeAttribute("class", "activity__minutes", null);
      out.writeText(as.activity().minutes() + " " + msg.getString("course.minutes"), null);
      out.endElement("span");
    }
    out.endElement("li");
  }

  /** Course text, in a span marked Danish when the interface is in another language. */
  private void content(ResponseWriter out, String text, String contentLang) throws IOException {
    if (contentLang == null) {
      out.writeText(text, null);
      return;
    }
    out.startElement("span", this);
    out.writeAttribute("lang", contentLang, null);
    out.writeText(text, null);
    out.endElement("span");
  }
}

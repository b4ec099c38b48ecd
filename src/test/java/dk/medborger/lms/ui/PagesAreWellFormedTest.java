package dk.medborger.lms.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/** Every Facelets page is well-formed XML: a broken page fails here, not in a browser. */
class PagesAreWellFormedTest {

  @Test
  void everyXhtmlPageParses() throws Exception {
    List<Path> pages;
    try (Stream<Path> files = Files.walk(Path.of("src/main/webapp"))) {
      pages = files.filter(p -> p.toString().endsWith(".xhtml")).toList();
    }
    assertFalse(pages.isEmpty());
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    for (Path page : pages) {
      factory.newDocumentBuilder().parse(page.toFile());
    }
  }
}

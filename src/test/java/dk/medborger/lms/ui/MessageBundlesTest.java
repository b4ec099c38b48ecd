package dk.medborger.lms.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Danish and English texts stay in step: every key exists in both bundles. */
class MessageBundlesTest {

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void danishAndEnglishBundlesHaveTheSameKeys() throws IOException {
    assertEquals(
        new TreeSet<>(load("messages_da.properties").stringPropertyNames()),
        new TreeSet<>(load("messages_en.properties").stringPropertyNames()));
  }
}

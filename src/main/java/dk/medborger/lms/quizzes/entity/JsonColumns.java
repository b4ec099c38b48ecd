package dk.medborger.lms.quizzes.entity;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * The JSON columns of the quiz tables ({@code question_version.content}, {@code
 * attempt_answer.response}), written and read with JSON-B.
 */
public final class JsonColumns {

  private static final Jsonb JSON = JsonbBuilder.create();

  private JsonColumns() {}

  public static String write(Object value) {
    return value == null ? null : JSON.toJson(value);
  }

  public static <T> T read(String json, Class<T> type) {
    return json == null ? null : JSON.fromJson(json, type);
  }

  /** {@link QuestionContent} as JSON. */
  @Converter
  public static class ContentConverter implements AttributeConverter<QuestionContent, String> {
    @Override
    public String convertToDatabaseColumn(QuestionContent content) {
      return write(content);
    }

    @Override
    public QuestionContent convertToEntityAttribute(String json) {
      return read(json, QuestionContent.class);
    }
  }

  /** {@link Response} as JSON. */
  @Converter
  public static class ResponseConverter implements AttributeConverter<Response, String> {
    @Override
    public String convertToDatabaseColumn(Response response) {
      return write(response);
    }

    @Override
    public Response convertToEntityAttribute(String json) {
      return read(json, Response.class);
    }
  }
}

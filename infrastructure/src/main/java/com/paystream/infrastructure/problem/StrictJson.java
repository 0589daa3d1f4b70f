package com.paystream.infrastructure.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * How request bodies are read, on every service: strictly. A number is never guessed from something else (no
 * {@code 1.5} read as 1 penny, no {@code "100"} read as 100); a missing primitive is an error, not zero; and no text
 * field takes control or invisible formatting characters (NUL, bidi overrides such as U+202E, zero-width spaces:
 * they make a name read differently from what it is) or more than {@value #MAX_TEXT} characters. Each refusal is a
 * 400 naming the field (see {@link ProblemMappers}); so is a number or a boolean where text is expected. Events are read with their own mapper, untouched by this.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {
    static final int MAX_TEXT = 10_000;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("strict-text").addDeserializer(String.class, new SafeText()));
    }

    /** A text field refused for what it contains; its message says why. */
    static final class UnsafeText extends JsonMappingException {
        UnsafeText(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    private static final class SafeText extends StdScalarDeserializer<String> {
        SafeText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_NULL)) {
                return null;
            }
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                // no number, true or object read as text: an account number is "01234567", never 1234567
                throw new UnsafeText(parser, "must be text (a JSON string)");
            }
            String text = parser.getText();
            if (text.length() > MAX_TEXT) {
                throw new UnsafeText(parser, "is longer than " + MAX_TEXT + " characters");
            }
            for (int i = 0; i < text.length(); ) {
                int codePoint = text.codePointAt(i);
                int type = Character.getType(codePoint);
                if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                        || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE
                        || type == Character.UNASSIGNED) {
                    throw new UnsafeText(parser, String.format("contains U+%04X, a control or invisible character",
                            codePoint));
                }
                i += Character.charCount(codePoint);
            }
            return text;
        }
    }
}

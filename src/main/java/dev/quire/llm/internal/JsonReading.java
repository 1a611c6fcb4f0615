package dev.quire.llm.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;

/**
 * Small helpers for reading stream events with Jackson's streaming parser straight from UTF-8 bytes: the hot
 * path of every stream, where building objects per event would cost more than reading the bytes.
 */
public final class JsonReading {

    private static final JsonFactory FACTORY = Json.MAPPER.getFactory();

    private JsonReading() {
    }

    /** A parser positioned on the opening brace of an object; throws when the document is not an object. */
    public static JsonParser object(byte[] json) throws IOException {
        JsonParser parser = FACTORY.createParser(json);
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            parser.close();
            throw new com.fasterxml.jackson.core.JsonParseException(parser, "not a JSON object");
        }
        return parser;
    }

    /** The current value as text (numbers too), or null for JSON null, objects and arrays (which are skipped). */
    public static String text(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING || token != null && token.isScalarValue() && token != JsonToken.VALUE_NULL) {
            return parser.getText();
        }
        parser.skipChildren();
        return null;
    }

    /** The current value as an integer, or null when it is not a number (containers are skipped). */
    public static Integer integer(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return parser.getValueAsInt();
        }
        parser.skipChildren();
        return null;
    }

    /** The current value as a tree (for rare, irregular parts such as error objects). */
    public static JsonNode tree(JsonParser parser) throws IOException {
        return Json.MAPPER.readTree(parser);
    }
}

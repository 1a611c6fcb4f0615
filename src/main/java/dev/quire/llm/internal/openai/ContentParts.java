package dev.quire.llm.internal.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.quire.llm.internal.JsonReading;

import java.io.IOException;

/**
 * The parts of a {@code chat.completion.chunk} choice that are not plain strings: content as an array of parts, with
 * its thinking parts; OpenRouter's {@code reasoning_details}; Azure's {@code content_filter_results}. Each reader is
 * called with the parser on the value's opening token and leaves it on the closing one.
 */
final class ContentParts {

    private ContentParts() {
    }

    static String join(String a, String b) {
        if (b == null || b.isEmpty()) {
            return a;
        }
        return a == null ? b : a + b;
    }

    static String skipNull(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    /**
     * Azure's {@code content_filter_results}: the categories marked {@code "filtered": true}, joined, or null when
     * none is. Called on the object's opening brace.
     */
    static String filtered(JsonParser p) throws IOException {
        StringBuilder names = null;
        for (String category = p.nextFieldName(); category != null; category = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            if (token != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            boolean hit = false;
            for (String f = p.nextFieldName(); f != null; f = p.nextFieldName()) {
                JsonToken t = p.nextToken();
                if (f.equals("filtered") && t == JsonToken.VALUE_TRUE) {
                    hit = true;
                } else {
                    p.skipChildren();
                }
            }
            if (hit) {
                names = names == null ? new StringBuilder() : names.append(", ");
                names.append(category.replace('_', ' '));
            }
        }
        return names == null ? null : names.toString();
    }

    /**
     * OpenRouter's {@code reasoning_details}: the text of its {@code reasoning.text} and {@code reasoning.summary}
     * entries; encrypted ones are skipped. Called on the array's opening bracket.
     */
    static String reasoningDetails(JsonParser p) throws IOException {
        StringBuilder out = new StringBuilder();
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY && token != null) {
            if (token != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            for (String f = p.nextFieldName(); f != null; f = p.nextFieldName()) {
                JsonToken t = p.nextToken();
                if ((f.equals("text") || f.equals("summary")) && t == JsonToken.VALUE_STRING) {
                    out.append(p.getText());
                } else {
                    p.skipChildren();
                }
            }
        }
        return out.toString();
    }

    /**
     * {@code content} sent as an array of parts (Mistral, vLLM, LM Studio): the text of its {@code text} parts, in
     * order, or null when there is none. Thinking parts and parts of other types are not prose and are skipped.
     * Called with the parser on the array's opening bracket; leaves it on the closing one.
     */
    static String textParts(JsonParser p) throws IOException {
        return textParts(p, new StringBuilder());
    }

    /** As {@link #textParts(JsonParser)}, with the text of thinking parts added to {@code thinking}. */
    static String textParts(JsonParser p, StringBuilder thinking) throws IOException {
        StringBuilder text = null;
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY && token != null) {
            String part = null;
            if (token == JsonToken.VALUE_STRING) {
                part = p.getText(); // a bare string part
            } else if (token == JsonToken.START_OBJECT) {
                String type = null;
                String partText = null;
                for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                    p.nextToken();
                    if (field.equals("type")) {
                        type = JsonReading.text(p);
                    } else if (field.equals("text")) {
                        partText = JsonReading.text(p);
                    } else if (field.equals("thinking")) {
                        thought(p, thinking); // Mistral: a string, or a list of text parts
                    } else {
                        p.skipChildren(); // signature, closed…
                    }
                }
                if ("text".equals(type)) {
                    part = partText;
                }
            } else {
                p.skipChildren();
            }
            if (part != null && !part.isEmpty()) {
                if (text == null) {
                    text = new StringBuilder(part.length());
                }
                text.append(part);
            }
        }
        return text == null ? null : text.toString();
    }

    /** A thinking part's {@code thinking}: a string, or an array of strings and text parts. */
    private static void thought(JsonParser p, StringBuilder thinking) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            thinking.append(p.getText());
        } else if (token == JsonToken.START_ARRAY) {
            String inner = textParts(p, thinking);
            if (inner != null) {
                thinking.append(inner);
            }
        } else {
            p.skipChildren();
        }
    }
}

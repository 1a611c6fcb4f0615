package dev.quire.llm.internal.ollama;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One line of Ollama's {@code /api/chat} stream, or its error object. */
@JsonIgnoreProperties(ignoreUnknown = true)
record OllamaLine(Message message, Boolean done, @JsonProperty("done_reason") String doneReason,
                  @JsonProperty("prompt_eval_count") Integer promptEvalCount,
                  @JsonProperty("eval_count") Integer evalCount, String error) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Message(String role, String content, String thinking) {
    }
}

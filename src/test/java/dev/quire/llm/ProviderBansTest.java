package dev.quire.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.quire.testing.Wire;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The story's avoid list as provider-level bans, as a loopback server speaking each format receives them. */
class ProviderBansTest {

    static final List<String> AVOID = List.of("tapestry", "Elara", "a shiver down her spine");

    Loopback server;
    final Recorder recorder = new Recorder();

    @AfterEach
    void close() {
        server.close();
        recorder.close();
    }

    private static ChatRequest request(String model) {
        return ChatRequest.builder().system("You are a co-writer.").user("Go on.").model(model).bans(AVOID).build();
    }

    private JsonNode send(ProviderProfile profile, String model) {
        server.enqueue(Wire.sse(Wire.openAi("The oil came.")));
        recorder.await(server.provider(profile, Loopback.FAST).stream(request(model), recorder, recorder.executor));
        return Loopback.body(server.take());
    }

    /**
     * The loopback profile under a base URL no other test has used: what a server said it is is kept per base URL
     * for the life of the process, and a port can come round again.
     */
    private ProviderProfile unasked() {
        return server.profile.withBaseUrl(server.profile.baseUrl().replace("/v1", "/" + java.util.UUID.randomUUID()
                + "/v1"));
    }

    /** Sends on a profile whose bans are auto: the first request is the model list, the second the chat. */
    private JsonNode sendAfterProbe(ProviderProfile profile) {
        server.enqueue(Wire.sse(Wire.openAi("The oil came.")));
        recorder.await(server.provider(profile, Loopback.FAST).stream(request("default"), recorder,
                recorder.executor));
        assertTrue(server.take().getTarget().endsWith("/models"), "the server is asked what it is first");
        return Loopback.body(server.take());
    }

    @Test
    void onAutoAKoboldCppServerIsKnownByItsModelListAndGetsBannedTokens() {
        server = new Loopback(ProviderKind.OPENAI_COMPATIBLE);
        ProviderProfile profile = unasked();
        server.enqueue(Wire.jsonStatus(200, "{\"object\":\"list\",\"data\":[{\"id\":\"koboldcpp/Tiefighter\","
                + "\"object\":\"model\",\"created\":1,\"owned_by\":\"koboldcpp\",\"root\":\"koboldcpp\"}]}"));
        JsonNode body = sendAfterProbe(profile);

        List<String> banned = new ArrayList<>();
        body.get("banned_tokens").forEach(n -> banned.add(n.asText()));
        assertEquals(AVOID, banned);
        assertEquals(ServerKind.KOBOLDCPP, server.provider(profile, Loopback.FAST).serverKind().orElseThrow());

        // asked once: the next generation goes straight to the chat, with the same bans
        try (Recorder second = new Recorder()) {
            server.enqueue(Wire.sse(Wire.openAi("The oil came.")));
            second.await(server.provider(profile, Loopback.FAST).stream(request("default"), second,
                    second.executor));
        }
        RecordedRequest next = server.take();
        assertTrue(next.getTarget().endsWith("/chat/completions"), next.getTarget());
        assertTrue(Loopback.body(next).has("banned_tokens"));
    }

    @Test
    void onAutoALlamaCppServerIsKnownByItsModelListAndGetsStringLogitBias() {
        server = new Loopback(ProviderKind.OPENAI_COMPATIBLE);
        ProviderProfile profile = unasked();
        server.enqueue(Wire.jsonStatus(200, "{\"object\":\"list\",\"data\":[{\"id\":\"qwen.gguf\","
                + "\"object\":\"model\",\"owned_by\":\"llamacpp\",\"meta\":{\"n_ctx_train\":32768}}]}"));
        JsonNode body = sendAfterProbe(profile);

        JsonNode bias = body.get("logit_bias");
        assertTrue(bias != null && bias.isArray(), body.toString());
        assertEquals("tapestry", bias.get(0).get(0).asText());
        assertFalse(body.has("banned_tokens"));
    }

    @Test
    void onAutoAServerThatCannotListModelsStillWritesButWithoutBans() {
        server = new Loopback(ProviderKind.OPENAI_COMPATIBLE);
        ProviderProfile profile = unasked();
        server.enqueue(Wire.jsonStatus(404, "{\"error\":{\"message\":\"Not found\"}}"));
        JsonNode body = sendAfterProbe(profile);

        assertFalse(body.has("logit_bias") || body.has("banned_tokens"), body.toString());
        assertEquals("The oil came.", recorder.text(0));
    }

    @Test
    void withNothingToAvoidTheServerIsNotAsked() {
        server = new Loopback(ProviderKind.OPENAI_COMPATIBLE);
        ProviderProfile profile = unasked();
        server.enqueue(Wire.sse(Wire.openAi("The oil came.")));
        ChatRequest plain = ChatRequest.builder().user("Go on.").model("default").build();
        recorder.await(server.provider(profile, Loopback.FAST).stream(plain, recorder, recorder.executor));

        assertTrue(server.take().getTarget().endsWith("/chat/completions"));
        assertTrue(server.provider(profile, Loopback.FAST).serverKind().isEmpty());
    }

    @Test
    void koboldCppGetsThePhrasesAsBannedTokens() {
        server = new Loopback(ProviderKind.OPENAI_COMPATIBLE);
        JsonNode body = send(server.profile.withBans("koboldcpp"), "default");

        List<String> banned = new ArrayList<>();
        body.get("banned_tokens").forEach(n -> banned.add(n.asText()));
        assertEquals(AVOID, banned);
        assertFalse(body.has("logit_bias"));
    }

    @Test
    void llamaCppGetsStringLogitBiasThatNeverAllowsThem() {
        server = new Loopback(ProviderKind.OPENAI_COMPATIBLE);
        JsonNode body = send(server.profile.withBans("llamacpp"), "default");

        JsonNode bias = body.get("logit_bias");
        assertTrue(bias.isArray(), body.toString());
        List<String> words = List.of("tapestry", "Elara"); // the server bans each token of a phrase: words only
        assertEquals(words.size(), bias.size(), body.toString());
        for (int i = 0; i < words.size(); i++) {
            assertEquals(words.get(i), bias.get(i).get(0).asText());
            assertTrue(bias.get(i).get(1).isBoolean() && !bias.get(i).get(1).booleanValue());
        }
        assertFalse(body.has("banned_tokens"));
    }

    @Test
    void aCompatibleServerOnAutoOrNoneGetsNoBans() {
        server = new Loopback(ProviderKind.OPENAI_COMPATIBLE);
        ProviderProfile profile = unasked();
        // on auto the server is asked what it is first; one that names no known server gets no bans
        server.enqueue(Wire.jsonStatus(200, "{\"object\":\"list\",\"data\":[{\"id\":\"m\",\"owned_by\":\"vllm\"}]}"));
        JsonNode auto = sendAfterProbe(profile);
        assertEquals("auto", profile.bans());
        assertFalse(auto.has("logit_bias") || auto.has("banned_tokens"), auto.toString());

        Recorder second = new Recorder();
        try (second) {
            server.enqueue(Wire.sse(Wire.openAi("The oil came.")));
            second.await(server.provider(profile.withBans("none"), Loopback.FAST)
                    .stream(request("default"), second, second.executor));
        }
        JsonNode none = Loopback.body(server.take());
        assertFalse(none.has("logit_bias") || none.has("banned_tokens"), none.toString());
    }

    @Test
    void openAiOnAutoBansEachWordsTokensWithAndWithoutALeadingSpace() {
        server = new Loopback(ProviderKind.OPENAI);
        JsonNode body = send(server.profile, "gpt-4.1");

        JsonNode bias = body.get("logit_bias");
        assertTrue(bias.isObject(), body.toString());
        Encoding o200k = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
        Set<String> expected = new HashSet<>();
        for (String word : List.of("tapestry", "Elara")) {
            for (String form : List.of(word, " " + word)) {
                int[] ids = o200k.encodeOrdinary(form).toArray();
                if (ids.length == 1) { // a form of several tokens would ban its pieces in other words too
                    expected.add(Integer.toString(ids[0]));
                }
            }
        }
        assertFalse(expected.isEmpty(), "at least \" tapestry\" is one token");
        Set<String> sent = new HashSet<>();
        bias.fieldNames().forEachRemaining(sent::add);
        assertEquals(expected, sent);
        for (String common : List.of(" her", " a", " down")) {
            assertFalse(sent.contains(Integer.toString(o200k.encodeOrdinary(common).toArray()[0])),
                    "the phrase's common words are never banned: " + common);
        }
        bias.elements().forEachRemaining(v -> assertEquals(-100, v.intValue()));
        assertFalse(body.has("banned_tokens"));
    }

    @Test
    void openAisLogitBiasIsCappedAtThreeHundredEntries() {
        server = new Loopback(ProviderKind.OPENAI);
        // 400 distinct words that are one token each, with or without a leading space
        Encoding o200k = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
        List<String> many = new ArrayList<>();
        for (int id = 10_000; many.size() < 400; id++) {
            com.knuddels.jtokkit.api.IntArrayList one = new com.knuddels.jtokkit.api.IntArrayList();
            one.add(id);
            String word = o200k.decode(one).strip();
            if (word.length() > 3 && word.chars().allMatch(Character::isLetter) && !many.contains(word)
                    && o200k.encodeOrdinary(word).size() == 1) {
                many.add(word);
            }
        }
        server.enqueue(Wire.sse(Wire.openAi("The oil came.")));
        ChatRequest r = ChatRequest.builder().user("Go on.").model("gpt-4o").bans(many).build();
        recorder.await(server.provider().stream(r, recorder, recorder.executor));

        assertEquals(300, Loopback.body(server.take()).get("logit_bias").size());
    }

    @Test
    void openAisReasoningModelsWhichRejectLogitBiasAreSentNone() {
        server = new Loopback(ProviderKind.OPENAI);
        JsonNode o3 = send(server.profile.withBans("openai"), "o3-mini");
        assertFalse(o3.has("logit_bias"), o3.toString());

        Recorder second = new Recorder();
        try (second) {
            server.enqueue(Wire.sse(Wire.openAi("The oil came.")));
            second.await(server.provider().stream(request("gpt-5"), second, second.executor));
        }
        assertFalse(Loopback.body(server.take()).has("logit_bias"));
    }

    @Test
    void anthropicAndOllamaGetNoBansWhateverIsSet() {
        server = new Loopback(ProviderKind.ANTHROPIC);
        assertEquals("none", server.profile.withBans("koboldcpp").bansToSend());
        assertEquals("none", ProviderProfile.defaults(ProviderKind.OLLAMA).withBans("openai").bansToSend());
        assertTrue(ProviderProfile.defaults(ProviderKind.OPENAI).withBans("tokens").problems().stream()
                .anyMatch(p -> p.contains("Bans must be one of")));
    }
}

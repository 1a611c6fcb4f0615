package dev.quire.studio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.llm.ChatMessage;
import dev.quire.llm.ChatRequest;
import dev.quire.llm.SystemBlock;
import dev.quire.llm.VariantResult;
import dev.quire.model.Generation;
import dev.quire.model.Variant;
import dev.quire.store.GenerationRepository;
import dev.quire.store.UsageRepository;

import java.time.Instant;
import java.util.Locale;

/**
 * What the library keeps of a generation: the request exactly as sent, recorded before sending, and each variant's
 * text as it streams and as it ended.
 */
final class GenerationRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GenerationRecords() {
    }

    /**
     * Records the generation as streaming, before anything is sent, so that what arrives always has a row to go to.
     *
     * @throws dev.quire.store.PersistenceException when the library cannot record it
     */
    static Generation record(GenerationRepository generations, Generator.Prepared prepared) {
        ChatRequest chat = prepared.request();
        return generations.create(new Generation(0, prepared.story().id(),
                prepared.scene().map(s -> s.id()).orElse(null), null, prepared.frame().key(),
                prepared.profile().name(), prepared.model(), messagesJson(chat), parametersJson(prepared),
                chat.seed(), chat.variants(),
                new Generation.Usage(prepared.estimatedInputTokens(), null, null, null), null, null,
                Generation.Status.STREAMING, null, prepared.instruction()));
    }

    /**
     * Records a mixed set as one streaming generation: the set's frame and instruction, the first column's provider
     * and model, and with each variant what its own column asked.
     */
    static Generation record(GenerationRepository generations, Mix.Prepared mix) {
        Generator.Prepared first = mix.first();
        ObjectNode p = (ObjectNode) readTree(parametersJson(first));
        p.put("variants", mix.size());
        p.put("mixed", true);
        p.remove("temperature");
        return generations.create(new Generation(0, first.story().id(),
                first.scene().map(s -> s.id()).orElse(null), null, first.frame().key(),
                first.profile().name(), first.model(), messagesJson(first.request()), p.toString(),
                first.request().seed(), mix.size(), Mix.estimated(mix), null, null,
                Generation.Status.STREAMING, null, mix.set().instruction()), Mix.requests(mix, Instant.now()));
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A mixed set's variants: as {@link Variants}, and each one's own request's usage and end. */
    record MixedVariants(GenerationRepository generations, long generationId) implements StreamRecorder.Target {

        @Override
        public void saveStreaming(int variant, String text) {
            generations.saveVariant(generationId, variant, text, Variant.Status.STREAMING, null, null);
        }

        @Override
        public void saveEnded(VariantResult result, String text) {
            generations.saveEnded(generationId, StreamRecorder.ended(result, text));
            Integer input = result.usage().input() != null ? result.usage().input() : result.requestUsage().input();
            Integer cached = result.usage().cachedInput() != null ? result.usage().cachedInput()
                    : result.requestUsage().cachedInput();
            generations.finishRequest(generationId, result.index(), input, cached);
        }

        @Override
        public void saveOutcome(Generation.Status status, Generation.Usage usage, String error) {
            generations.finish(generationId, status, usage, error);
        }

        @Override
        public void saveUsage(VariantResult result, UsageRepository.Counts counts) {
            generations.recordUsage(generationId, result.index(), null, counts);
        }
    }

    /** Saves a generation's variants into their rows as they stream and end. */
    record Variants(GenerationRepository generations, long generationId) implements StreamRecorder.Target {

        @Override
        public void saveStreaming(int variant, String text) {
            generations.saveVariant(generationId, variant, text, Variant.Status.STREAMING, null, null);
        }

        @Override
        public void saveEnded(VariantResult result, String text) {
            generations.saveEnded(generationId, StreamRecorder.ended(result, text));
        }

        @Override
        public void saveOutcome(Generation.Status status, Generation.Usage usage, String error) {
            generations.finish(generationId, status, usage, error);
        }

        @Override
        public void saveUsage(VariantResult result, UsageRepository.Counts counts) {
            generations.recordUsage(generationId, result.index(), null, counts);
        }
    }

    /** The system blocks and messages of a request exactly as sent, as JSON: what the library records. */
    static String messagesJson(ChatRequest chatRequest) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode system = root.putArray("system");
        for (SystemBlock b : chatRequest.system()) {
            system.addObject().put("text", b.text()).put("cacheBreakpoint", b.cacheBreakpoint());
        }
        ArrayNode messages = root.putArray("messages");
        for (ChatMessage m : chatRequest.messages()) {
            messages.addObject().put("role", m.role().name().toLowerCase(Locale.ROOT)).put("text", m.text());
        }
        return root.toString();
    }

    /** Provider kind and address, variants, the sampling settings, and where in the scene, as JSON. */
    static String parametersJson(Generator.Prepared prepared) {
        ChatRequest chat = prepared.request();
        ObjectNode p = JSON.createObjectNode();
        p.put("kind", prepared.profile().kind().name());
        if (prepared.profile().oneHourCache()) {
            p.put("cacheTtl", "1h"); // its cache writes are billed at the 1-hour price
        }
        p.put("baseUrl", prepared.profile().baseUrl());
        p.put("variants", chat.variants());
        p.put("maxOutputTokens", chat.maxOutputTokens() != null ? chat.maxOutputTokens()
                : prepared.profile().maxOutputTokens());
        if (chat.temperature() != null) {
            p.put("temperature", chat.temperature());
        }
        if (!chat.stop().isEmpty()) {
            chat.stop().forEach(p.putArray("stop")::add);
        }
        prepared.scene().ifPresent(s -> p.put("scenePosition", s.position() + 1));
        p.put("mode", prepared.mode().name());
        if (prepared.anchorStart() != null) {
            p.put("anchorStart", prepared.anchorStart());
            p.put("anchorEnd", prepared.anchorEnd());
            // the variant whose text is continued or rewritten: the generation hangs under its own in the history
            prepared.scene().map(s -> GenerationTree.fromVariant(s.prose(), prepared.mode(), prepared.anchorStart(),
                    prepared.anchorEnd())).ifPresent(v -> p.put("fromVariant", v));
        }
        return p.toString();
    }
}

package dev.quire.llm.internal.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.llm.ServerKind;
import dev.quire.llm.internal.Json;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What each OpenAI-compatible server (by base URL) said it is, learnt from its model list: when the Providers page
 * lists models, and once before the first generation that has bans to send. Kept for the life of the process;
 * a server that could not be asked counts as {@link ServerKind#OTHER} until its models are listed again.
 */
final class ServerKinds {

    /** How long a variant waits for another variant's probe of the same server before going without bans. */
    private static final long PROBE_WAIT_SECONDS = 15;

    private static final Map<String, ServerKind> KNOWN = new ConcurrentHashMap<>();
    private static final Map<String, CountDownLatch> PROBING = new ConcurrentHashMap<>();

    private ServerKinds() {
    }

    /** The kind learnt for {@code baseUrl}, or null when the server has not been asked. */
    static ServerKind known(String baseUrl) {
        return KNOWN.get(baseUrl);
    }

    /** The bans to write for {@code profile}: {@code auto} on a compatible server follows what the server is. */
    static String bansFor(ProviderProfile profile) {
        if (profile.kind() == ProviderKind.OPENAI_COMPATIBLE && "auto".equals(profile.bans())) {
            ServerKind kind = KNOWN.get(profile.baseUrl());
            return kind == null ? "none" : kind.bans();
        }
        return profile.bansToSend();
    }

    /** Whether {@code profile}'s server must be asked what it is before bans can be sent. */
    static boolean unknown(ProviderProfile profile) {
        return profile.kind() == ProviderKind.OPENAI_COMPATIBLE && "auto".equals(profile.bans())
                && !KNOWN.containsKey(profile.baseUrl());
    }

    /**
     * True for the one caller that should ask the server now; the others wait (bounded) for its answer and get
     * false, so the variants of one generation all send the same bans.
     */
    static boolean claimProbe(String baseUrl) {
        CountDownLatch mine = new CountDownLatch(1);
        CountDownLatch running = PROBING.putIfAbsent(baseUrl, mine);
        if (running == null) {
            if (KNOWN.containsKey(baseUrl)) {
                PROBING.remove(baseUrl, mine);
                return false;
            }
            return true;
        }
        try {
            running.await(PROBE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** Records the answer of a probe claimed with {@link #claimProbe}; {@code models} is null when none came. */
    static void probed(String baseUrl, JsonNode models) {
        ServerKind kind = models == null ? null : fromModels(models);
        KNOWN.put(baseUrl, kind == null ? ServerKind.OTHER : kind);
        CountDownLatch latch = PROBING.remove(baseUrl);
        if (latch != null) {
            latch.countDown();
        }
    }

    /** Learns from a model list read for any reason; a list that names no known server changes nothing known. */
    static void learn(String baseUrl, JsonNode models) {
        ServerKind kind = fromModels(models);
        if (kind != null) {
            KNOWN.put(baseUrl, kind);
        } else {
            KNOWN.putIfAbsent(baseUrl, ServerKind.OTHER);
        }
    }

    /** The kind the entries' {@code owned_by} name, or null when none names one. */
    static ServerKind fromModels(JsonNode root) {
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            return null;
        }
        for (JsonNode model : data) {
            ServerKind kind = model.isObject() ? ServerKind.fromOwner(Json.text(model, "owned_by")) : null;
            if (kind != null) {
                return kind;
            }
        }
        return null;
    }

    /** Forgets everything learnt (tests, and a profile whose base URL now points elsewhere). */
    static void forget(String baseUrl) {
        KNOWN.remove(baseUrl);
    }
}

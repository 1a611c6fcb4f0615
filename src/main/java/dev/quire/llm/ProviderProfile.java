package dev.quire.llm;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where and how to reach one provider: what the settings screen edits and the library stores.
 *
 * <p>Base URL convention (the providers' own SDKs use it): for {@link ProviderKind#ANTHROPIC} and
 * {@link ProviderKind#OLLAMA} it is the server root ({@code https://api.anthropic.com},
 * {@code http://localhost:11434}); for {@link ProviderKind#OPENAI} and {@link ProviderKind#OPENAI_COMPATIBLE}
 * it is the API root including {@code /v1} ({@code https://api.openai.com/v1},
 * {@code https://openrouter.ai/api/v1}, {@code http://localhost:8080/v1}), to which {@code /chat/completions}
 * and {@code /models} are appended. A trailing slash is dropped.
 *
 * <p>The constructor only normalises, so a settings form can hold a half-typed profile; {@link #problems()}
 * lists what is wrong and {@link #validate()} throws. {@link Providers#create} validates.
 *
 * @param extraHeaders    sent with every request to this profile, e.g. OpenRouter's {@code HTTP-Referer} and
 *                        {@code X-Title}; never put a key here (keys are {@link ApiKey}s)
 * @param thinkingBudget  Anthropic extended thinking: the most tokens the model may think with, null when off; sent
 *                        to Anthropic only
 * @param reasoningEffort {@code low}, {@code medium} or {@code high} for OpenAI and compatible reasoning models that
 *                        take one, null to send none; sent to those kinds only
 * @param cacheTtl        Anthropic's prompt cache lifetime, {@code 5m} (also for null) or {@code 1h}; see {@link #oneHourCache()}
 * @param bans            how the story's avoid list is sent as provider-level bans: one of {@link #BANS};
 *                        {@code auto} (also for null) resolves by kind, see {@link #bansToSend()}
 */
public record ProviderProfile(String name, ProviderKind kind, String baseUrl, String defaultModel,
                              int contextWindow, int maxOutputTokens, Map<String, String> extraHeaders,
                              Integer thinkingBudget, String reasoningEffort, String bans, String cacheTtl) {

    /** The prompt cache lifetimes Anthropic offers: 5 minutes (its default) or 1 hour, whose writes cost more. */
    public static final List<String> CACHE_TTLS = List.of("5m", "1h");

    /** The ways a profile may send the avoid list as bans; the wire formats read {@link #bansToSend()}. */
    public static final List<String> BANS = List.of("auto", "none", "koboldcpp", "llamacpp", "openai");

    /** The reasoning efforts a profile may ask for. */
    public static final List<String> REASONING_EFFORTS = List.of("minimal", "low", "medium", "high");
    /** The smallest thinking budget Anthropic accepts. */
    public static final int MIN_THINKING_BUDGET = 1024;

    public ProviderProfile {
        name = name == null ? "" : name.strip();
        baseUrl = baseUrl == null ? "" : stripTrailingSlashes(baseUrl.strip());
        defaultModel = defaultModel == null ? "" : defaultModel.strip();
        extraHeaders = extraHeaders == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(extraHeaders));
        reasoningEffort = reasoningEffort == null || reasoningEffort.isBlank() ? null
                : reasoningEffort.strip().toLowerCase(Locale.ROOT);
        bans = bans == null || bans.isBlank() ? "auto" : bans.strip().toLowerCase(Locale.ROOT);
        cacheTtl = cacheTtl == null || cacheTtl.isBlank() ? "5m" : cacheTtl.strip().toLowerCase(Locale.ROOT);
    }

    public ProviderProfile(String name, ProviderKind kind, String baseUrl, String defaultModel,
                           int contextWindow, int maxOutputTokens, Map<String, String> extraHeaders,
                           Integer thinkingBudget, String reasoningEffort, String bans) {
        this(name, kind, baseUrl, defaultModel, contextWindow, maxOutputTokens, extraHeaders, thinkingBudget,
                reasoningEffort, bans, null);
    }

    /** Whether Anthropic's 1-hour prompt cache is asked for: for writers who work in long sessions. */
    public boolean oneHourCache() {
        return kind == ProviderKind.ANTHROPIC && "1h".equals(cacheTtl);
    }

    public ProviderProfile withCacheTtl(String ttl) {
        return new ProviderProfile(name, kind, baseUrl, defaultModel, contextWindow, maxOutputTokens, extraHeaders,
                thinkingBudget, reasoningEffort, bans, ttl);
    }

    public ProviderProfile(String name, ProviderKind kind, String baseUrl, String defaultModel,
                           int contextWindow, int maxOutputTokens, Map<String, String> extraHeaders,
                           Integer thinkingBudget, String reasoningEffort) {
        this(name, kind, baseUrl, defaultModel, contextWindow, maxOutputTokens, extraHeaders, thinkingBudget,
                reasoningEffort, null);
    }

    /**
     * The bans the wire format writes: {@code openai}, {@code koboldcpp}, {@code llamacpp} or {@code none}.
     * {@code auto} is {@code openai} for OpenAI and {@code none} here for a compatible server, since it may reject a
     * field it does not know; the wire format then follows what the server says it is ({@link ServerKind}). Anthropic and Ollama document no bans, so they get none whatever is set.
     */
    public String bansToSend() {
        if (kind != ProviderKind.OPENAI && kind != ProviderKind.OPENAI_COMPATIBLE || !BANS.contains(bans)) {
            return "none";
        }
        if (bans.equals("auto")) {
            return kind == ProviderKind.OPENAI ? "openai" : "none";
        }
        return bans;
    }

    public ProviderProfile withBans(String newBans) {
        return new ProviderProfile(name, kind, baseUrl, defaultModel, contextWindow, maxOutputTokens, extraHeaders,
                thinkingBudget, reasoningEffort, newBans, cacheTtl);
    }

    public ProviderProfile(String name, ProviderKind kind, String baseUrl, String defaultModel,
                           int contextWindow, int maxOutputTokens, Map<String, String> extraHeaders) {
        this(name, kind, baseUrl, defaultModel, contextWindow, maxOutputTokens, extraHeaders, null, null);
    }

    public ProviderProfile(String name, ProviderKind kind, String baseUrl, String defaultModel,
                           int contextWindow, int maxOutputTokens) {
        this(name, kind, baseUrl, defaultModel, contextWindow, maxOutputTokens, Map.of());
    }

    /** Whether Anthropic extended thinking is on: the kind takes it and a budget is set. */
    public boolean thinking() {
        return kind == ProviderKind.ANTHROPIC && thinkingBudget != null;
    }

    /** The reasoning effort to send: only to OpenAI and compatible servers, and only when one is set. */
    public String reasoningEffortToSend() {
        return kind == ProviderKind.OPENAI || kind == ProviderKind.OPENAI_COMPATIBLE ? reasoningEffort : null;
    }

    public ProviderProfile withThinkingBudget(Integer budget) {
        return new ProviderProfile(name, kind, baseUrl, defaultModel, contextWindow, maxOutputTokens, extraHeaders,
                budget, reasoningEffort, bans, cacheTtl);
    }

    public ProviderProfile withReasoningEffort(String effort) {
        return new ProviderProfile(name, kind, baseUrl, defaultModel, contextWindow, maxOutputTokens, extraHeaders,
                thinkingBudget, effort, bans, cacheTtl);
    }

    /** A ready-to-use profile for each kind (Ollama and the compatible kind point at local servers). */
    public static ProviderProfile defaults(ProviderKind kind) {
        return switch (Objects.requireNonNull(kind, "kind")) {
            case ANTHROPIC -> new ProviderProfile("Anthropic", kind, "https://api.anthropic.com", "claude-sonnet-4-5",
                    200_000, 4096);
            case OPENAI -> new ProviderProfile("OpenAI", kind, "https://api.openai.com/v1", "gpt-4.1",
                    1_047_576, 4096);
            case OPENAI_COMPATIBLE -> new ProviderProfile("llama.cpp server", kind, "http://localhost:8080/v1",
                    "default", 8192, 2048);
            case OLLAMA -> new ProviderProfile("Ollama", kind, "http://localhost:11434", "llama3.2", 8192, 2048);
        };
    }

    /** Profiles a settings screen can offer as starting points, the four defaults first. */
    public static List<ProviderProfile> presets() {
        return List.of(
                defaults(ProviderKind.ANTHROPIC),
                defaults(ProviderKind.OPENAI),
                defaults(ProviderKind.OPENAI_COMPATIBLE),
                defaults(ProviderKind.OLLAMA),
                new ProviderProfile("OpenRouter", ProviderKind.OPENAI_COMPATIBLE, "https://openrouter.ai/api/v1",
                        "anthropic/claude-sonnet-4.5", 200_000, 4096,
                        Map.of("HTTP-Referer", "https://quire.dev", "X-Title", "Quire")),
                new ProviderProfile("DeepSeek", ProviderKind.OPENAI_COMPATIBLE, "https://api.deepseek.com/v1",
                        "deepseek-chat", 128_000, 4096),
                new ProviderProfile("LM Studio", ProviderKind.OPENAI_COMPATIBLE, "http://localhost:1234/v1",
                        "local-model", 8192, 2048));
    }

    public ProviderProfile withName(String newName) {
        return new ProviderProfile(newName, kind, baseUrl, defaultModel, contextWindow, maxOutputTokens, extraHeaders,
                thinkingBudget, reasoningEffort, bans, cacheTtl);
    }

    public ProviderProfile withBaseUrl(String newBaseUrl) {
        return new ProviderProfile(name, kind, newBaseUrl, defaultModel, contextWindow, maxOutputTokens, extraHeaders,
                thinkingBudget, reasoningEffort, bans, cacheTtl);
    }

    public ProviderProfile withDefaultModel(String model) {
        return new ProviderProfile(name, kind, baseUrl, model, contextWindow, maxOutputTokens, extraHeaders,
                thinkingBudget, reasoningEffort, bans, cacheTtl);
    }

    public ProviderProfile withExtraHeaders(Map<String, String> headers) {
        return new ProviderProfile(name, kind, baseUrl, defaultModel, contextWindow, maxOutputTokens, headers,
                thinkingBudget, reasoningEffort, bans, cacheTtl);
    }

    /** The host of the base URL in lower case, or "" when the URL does not parse. */
    public String host() {
        try {
            String host = new URI(baseUrl).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return "";
        }
    }

    /** What is wrong with this profile, in words for the settings screen; empty when it can be used. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (name.isEmpty()) {
            problems.add("Give the provider a name.");
        }
        if (kind == null) {
            problems.add("Choose what kind of provider this is.");
        }
        URI uri = null;
        try {
            uri = new URI(baseUrl);
        } catch (URISyntaxException e) {
            problems.add("The base URL “" + baseUrl + "” is not a valid address.");
        }
        if (uri != null) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost();
            if (!scheme.equals("http") && !scheme.equals("https") || host == null || host.isEmpty()) {
                problems.add("The base URL must start with https:// and name a server, e.g. "
                        + (kind == null ? "https://api.anthropic.com" : defaults(kind).baseUrl()) + ".");
            } else if (scheme.equals("http") && !isLocalHost(host)) {
                problems.add("Plain http is only allowed for this computer or your local network; "
                        + host + " is neither, so the key and your story would cross the internet unencrypted. "
                        + "Use https://" + host + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                        + (uri.getRawPath() == null ? "" : uri.getRawPath()) + " instead.");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                problems.add("The base URL must not have a query (?…) or fragment (#…).");
            }
        }
        if (contextWindow <= 0) {
            problems.add("The context window must be a positive number of tokens.");
        }
        if (maxOutputTokens <= 0) {
            problems.add("The maximum output must be a positive number of tokens.");
        }
        if (contextWindow > 0 && maxOutputTokens > 0 && maxOutputTokens >= contextWindow) {
            // the reply's tokens are kept out of the window, so nothing would be left for the prompt
            problems.add(String.format(Locale.ROOT, "The context window (%,d tokens) must be larger than the "
                    + "maximum output (%,d tokens), which is kept for the reply: nothing would be left for the "
                    + "prompt. Raise the context window to the model's real one, or lower the maximum output "
                    + "below %,d.", contextWindow, maxOutputTokens, contextWindow));
        }
        problems.addAll(ReasoningOptions.problems(this));
        if (!BANS.contains(bans)) {
            problems.add("Bans must be one of " + String.join(", ", BANS) + ", not “" + bans + "”.");
        }
        for (String header : extraHeaders.keySet()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.equals("authorization") || lower.equals("x-api-key")) {
                problems.add("Put the API key in the key field, not in the extra header " + header + ".");
            }
        }
        return List.copyOf(problems);
    }

    /** Returns this profile, or throws {@link IllegalArgumentException} whose message lists {@link #problems()}. */
    public ProviderProfile validate() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Provider “" + name + "”: " + String.join(" ", problems));
        }
        return this;
    }

    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]+");

    /**
     * Whether plain http to this host stays on this computer or the local network: localhost, *.local,
     * loopback (127/8, ::1) and private ranges (10/8, 172.16/12, 192.168/16, fc00::/7). Names other than
     * these are not resolved, so a public name cannot sneak in through DNS.
     */
    public static boolean isLocalHost(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost") || h.endsWith(".local")) {
            return true;
        }
        boolean literal = IPV4.matcher(h).matches() || h.indexOf(':') >= 0 && IPV6.matcher(h).matches();
        if (!literal) {
            return false;
        }
        try {
            InetAddress address = InetAddress.getByName(h); // a literal: no lookup happens
            if (address.isLoopbackAddress() || address.isSiteLocalAddress()) {
                return true;
            }
            byte[] bytes = address.getAddress();
            return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String stripTrailingSlashes(String url) {
        String u = url;
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    @Override
    public String toString() {
        return "ProviderProfile[" + name + ", " + kind + ", " + baseUrl + ", model " + defaultModel + "]";
    }
}

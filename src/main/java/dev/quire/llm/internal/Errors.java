package dev.quire.llm.internal;

import dev.quire.llm.ApiKey;
import dev.quire.llm.ProviderError;
import dev.quire.llm.ProviderError.Kind;
import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.llm.Providers;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Turns what went wrong into a {@link ProviderError} whose message names the provider (profile name and base
 * URL) and the fix. Everything the server said passes through the {@link Redactor} first.
 */
public final class Errors {

    private static final int MAX_SERVER_TEXT = 300;

    private final ProviderProfile profile;
    private final Providers.Settings settings;
    private final Redactor redactor;
    private final String who;
    private final String where;

    public Errors(ProviderProfile profile, Providers.Settings settings, ApiKey key) {
        this.profile = profile;
        this.settings = settings;
        this.redactor = new Redactor(key);
        this.who = profile.name();
        this.where = profile.baseUrl();
    }

    public String redact(String text) {
        return redactor.redact(text);
    }

    // ---- before any request ----

    public ProviderError noKey() {
        return error(Kind.AUTHENTICATION, null, null, false, null,
                who + " needs an API key and none is set. Add one in the Providers page (or `quire provider`)" + envHint(", or set ")
                        + ".");
    }

    public ProviderError cancelled() {
        return error(Kind.CANCELLED, null, null, false, null, "Cancelled.");
    }

    // ---- HTTP status with an error body ----

    /**
     * An HTTP response that is not a success.
     *
     * @param problem the error object parsed from the body by the wire format, or null when there was none
     */
    public ProviderError fromStatus(int status, String contentType, String body, StreamProblem problem,
                                    Duration retryAfter, String location, String model, String path) {
        String bodyText = body == null ? "" : body.strip();
        if (status >= 300 && status < 400) {
            return error(Kind.NOT_AN_API, status, null, false, null,
                    where + " redirected the request" + (location == null ? "" : " to " + redact(location)) + " ("
                            + status + "). Quire does not follow redirects, so that the key stays with this "
                            + "address; put the final address in the base URL in the Providers page (or `quire provider`).");
        }
        boolean html = contentType.contains("html") || bodyText.startsWith("<");
        if (problem == null && html) {
            boolean gateway = status >= 500;
            return error(Kind.NOT_AN_API, status, null, gateway, null,
                    where + " answered with a web page (HTTP " + status + ") instead of the " + who + " API. "
                            + (gateway ? "A proxy or gateway in front of the server reported an error; try again "
                            + "shortly. If it persists, check " : "Check ")
                            + "the base URL in the Providers page (or `quire provider`)" + baseUrlConvention() + ".");
        }
        String code = problem == null ? null : problem.code();
        String serverText = problem == null ? (bodyText.isEmpty() ? null : bodyText) : problem.serverMessage();
        String said404 = ((code == null ? "" : code) + " " + (serverText == null ? "" : serverText))
                .toLowerCase(Locale.ROOT);
        if (status == 404 && !said404.contains("model")) {
            return error(Kind.NOT_AN_API, status, null, false, null,
                    where + path + " does not exist (404), so this is not the " + who + " API. Check the base URL "
                            + "in the Providers page (or `quire provider`)" + baseUrlConvention() + ".");
        }
        return classify(status, code, serverText, retryAfter, model);
    }

    /** An error the provider reported, with or without a status (inside a 200 stream there is none). */
    public ProviderError fromProblem(StreamProblem problem, String model) {
        return switch (problem.type()) {
            case NOT_AN_API -> error(Kind.NOT_AN_API, null, null, false, null,
                    where + " answered with " + problem.detail() + " instead of the " + who + " API. Check the "
                            + "base URL in the Providers page (or `quire provider`)" + baseUrlConvention() + ".");
            case MALFORMED -> malformed(problem.detail());
            case PROVIDER_ERROR -> classify(problem.status(), problem.code(), problem.serverMessage(), null, model);
        };
    }

    public ProviderError malformed(String detail) {
        return error(Kind.MALFORMED_RESPONSE, null, null, false, null,
                who + " at " + where + " sent data Quire cannot read (" + redact(detail) + "). Check that the "
                        + "server speaks the " + formatName() + " format, or choose the matching provider kind in "
                        + "the Providers page (or `quire provider`).");
    }

    /** A 200 JSON document where a stream was expected, that is neither an error nor a reply. */
    public ProviderError jsonInsteadOfStream() {
        return error(Kind.NOT_AN_API, 200, null, false, null,
                who + " at " + where + " answered with a single JSON document instead of a stream. Check that the "
                        + "base URL points at the API" + baseUrlConvention() + " and that the server supports "
                        + "streaming.");
    }

    private ProviderError classify(Integer status, String code, String serverText, Duration retryAfter,
                                   String model) {
        Integer httpStatus = status;
        String said = serverSaid(serverText);
        String c = code == null ? "" : code.toLowerCase(Locale.ROOT);
        String all = (c + " " + (serverText == null ? "" : serverText)).toLowerCase(Locale.ROOT);
        int s = status == null ? statusFromCode(c) : status;
        String m = model == null ? "" : model;
        String codeOut = code == null ? null : redact(code);

        if (s == 401 || c.contains("authentication") || c.equals("invalid_api_key")) {
            return error(Kind.AUTHENTICATION, httpStatus, null, false, codeOut,
                    who + " at " + where + " rejected the API key" + statusText(httpStatus) + "." + said
                            + " Check the key in the Providers page (or `quire provider`)" + envHint(", or ") + ".");
        }
        if (s == 402 || c.contains("insufficient_quota") || c.contains("billing")
                || s == 429 && (all.contains("insufficient_quota") || all.contains("credit")
                || all.contains("billing") || all.contains("exceeded your current quota"))) {
            return error(Kind.QUOTA_EXCEEDED, httpStatus, null, false, codeOut,
                    who + " at " + where + " says the account is out of credit or quota" + statusText(httpStatus)
                            + "." + said + " Add credit or raise the limit in the provider's billing settings; "
                            + "trying again will not help until then.");
        }
        if (s == 403 || c.contains("permission")) {
            return error(Kind.PERMISSION, httpStatus, null, false, codeOut,
                    who + " at " + where + " refused the request" + statusText(httpStatus) + "." + said
                            + " The key may not have access to model “" + m + "” or to this feature: check the "
                            + "account at the provider, or the key in the Providers page (or `quire provider`).");
        }
        if (s == 413 || c.contains("request_too_large") || c.contains("context_length") || tooLong(all)) {
            return error(Kind.PROMPT_TOO_LARGE, httpStatus, null, false, codeOut,
                    "The prompt is too large for “" + m + "” on " + who + " at " + where + statusText(httpStatus)
                            + "." + said + " Include fewer scenes or lore entries, or choose a model with a larger "
                            + "context window.");
        }
        if (s == 404 || c.contains("not_found") || modelMissing(all)) {
            String pull = profile.kind() == ProviderKind.OLLAMA
                    ? ", or download it with `ollama pull " + m + "`" : "";
            return error(Kind.MODEL_NOT_FOUND, httpStatus, null, false, codeOut,
                    who + " at " + where + " has no model “" + m + "”" + statusText(httpStatus) + "." + said
                            + " Choose one of its models in the Providers page (or `quire provider`)" + pull + ".");
        }
        if (s == 429 || c.contains("rate_limit")) {
            String wait = retryAfter == null ? "" : "; it asked to wait " + seconds(retryAfter);
            return error(Kind.RATE_LIMITED, httpStatus, retryAfter, true, codeOut,
                    who + " at " + where + " is limiting how fast requests may be sent" + statusText(httpStatus)
                            + wait + "." + said + " Wait a moment and try again, or ask for fewer variants at once.");
        }
        if (s == 529 || s == 503 || c.contains("overloaded")) {
            return error(Kind.OVERLOADED, httpStatus, retryAfter, true, codeOut,
                    who + " at " + where + " is overloaded right now" + statusText(httpStatus) + "." + said
                            + " Try again in a minute, or switch to another provider.");
        }
        if (s == 408) {
            return error(Kind.TIMEOUT, httpStatus, retryAfter, true, codeOut,
                    who + " at " + where + " gave up waiting for the request (408)." + said + " Try again.");
        }
        if (s >= 500 || c.contains("api_error") || c.contains("server_error")
                || s == 0 && !c.contains("invalid_request")) {
            return error(Kind.SERVER_ERROR, httpStatus, retryAfter, true, codeOut,
                    who + " at " + where + " had an internal error" + statusText(httpStatus) + "." + said
                            + " Try again shortly; if it keeps happening, check the provider's status page.");
        }
        return error(Kind.BAD_REQUEST, httpStatus, null, false, codeOut,
                who + " at " + where + " rejected the request" + statusText(httpStatus) + "." + said
                        + " Check the model and the generation settings (temperature, top p, max tokens) for this "
                        + "provider.");
    }

    private static int statusFromCode(String code) {
        try {
            return Integer.parseInt(code.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean tooLong(String text) {
        return text.contains("prompt is too long") || text.contains("maximum context length")
                || text.contains("context length") || text.contains("context window")
                || text.contains("too many tokens") || text.contains("exceeds the context")
                || text.contains("input is too long") || text.contains("request too large")
                || text.contains("reduce the length");
    }

    private static boolean modelMissing(String text) {
        return text.contains("model_not_found") || text.contains("not a valid model")
                || text.contains("model") && (text.contains("not found") || text.contains("does not exist")
                || text.contains("unknown model") || text.contains("no such model"));
    }

    // ---- transport ----

    /**
     * A transport failure. {@code streaming} says whether the response had started (headers received), which
     * turns a read timeout into a stall.
     */
    public ProviderError fromIo(IOException e, boolean streaming) {
        LocalNames.NotLocal notLocal = LocalNames.find(e);
        if (notLocal != null) {
            return error(Kind.CONNECTION_REFUSED, null, null, false, null,
                    "Nothing was sent to " + who + ": " + notLocal.host + " is a local name, but it resolves to "
                            + notLocal.addresses + ", which is not on this computer or the local network, so the"
                            + " key and your story would cross the internet unencrypted. Check the name (and the"
                            + " DNS answering it), or use https:// in the base URL (" + where + ").");
        }
        if (e instanceof UnknownHostException) {
            return error(Kind.CONNECTION_REFUSED, null, null, false, null,
                    "The host " + profile.host() + " for " + who + " could not be found. Check the base URL ("
                            + where + ") in the Providers page (or `quire provider`), and the internet connection.");
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            if (e instanceof SocketTimeoutException || String.valueOf(e.getMessage()).contains("timed out")) {
                return connectTimeout();
            }
            return refused();
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (text.contains("connect")) {
                return connectTimeout();
            }
            if (streaming) {
                return error(Kind.STALLED, null, null, true, null,
                        who + " at " + where + " stopped sending in the middle of the reply (nothing for "
                                + seconds(settings.stallTimeout()) + "). The text received so far is kept; try "
                                + "again.");
            }
            return error(Kind.TIMEOUT, null, null, true, null,
                    who + " at " + where + " did not answer within " + seconds(settings.stallTimeout())
                            + ". Try again; if it keeps happening, check the network and the base URL, or "
                            + "choose a smaller model.");
        }
        if (e instanceof SSLException) {
            return error(Kind.CONNECTION_REFUSED, null, null, false, null,
                    "A secure connection to " + who + " at " + where + " could not be made (" + redact(e.getMessage())
                            + "). Check the base URL in the Providers page (or `quire provider`); a local server may need http://.");
        }
        return error(Kind.CONNECTION_DROPPED, null, null, true, null,
                streaming
                        ? "The connection to " + who + " at " + where + " dropped in the middle of the reply. The "
                        + "text received so far is kept; try again."
                        : "The connection to " + who + " at " + where + " dropped before the reply began. Try again.");
    }

    /** A read that timed out (not a connect), so the server was reached and said nothing in time. */
    public static boolean isReadTimeout(IOException e) {
        return (e instanceof SocketTimeoutException || e instanceof InterruptedIOException)
                && !(e instanceof ConnectException)
                && !String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("connect");
    }

    /**
     * The server took the request and sent nothing at all within the first-byte limit. Not retried: a server that
     * never answered would most likely hold the writer for another full wait.
     */
    public ProviderError nothingArrived() {
        return error(Kind.TIMEOUT, null, null, false, null,
                who + " at " + where + " sent nothing within " + seconds(settings.firstByteTimeout())
                        + ": it took the request but no reply began, and nothing was received. It may be busy or"
                        + " still loading the model; try again in a while, or for a slow local model allow a longer"
                        + " wait (QUIRE_PROVIDER_FIRST_BYTE_SECONDS).");
    }

    /** The reply began, then went silent for the stall limit before any text came. */
    public ProviderError stalledBeforeText() {
        return error(Kind.STALLED, null, null, true, null,
                who + " at " + where + " began a reply, then sent nothing for " + seconds(settings.stallTimeout())
                        + " before any text came. Try again.");
    }

    private ProviderError connectTimeout() {
        return error(Kind.TIMEOUT, null, null, true, null,
                "Could not connect to " + who + " at " + where + " within " + seconds(settings.connectTimeout())
                        + ". Check the network and the base URL in the Providers page (or `quire provider`).");
    }

    private ProviderError refused() {
        if (profile.kind() == ProviderKind.OLLAMA) {
            String named = profile.name().equalsIgnoreCase("Ollama") ? "" : " (profile “" + who + "”)";
            return error(Kind.CONNECTION_REFUSED, null, null, false, null,
                    "Ollama is not running at " + where + named + ". Start it with `ollama serve`, or choose "
                            + "another provider.");
        }
        return error(Kind.CONNECTION_REFUSED, null, null, false, null,
                "Nothing is answering at " + where + " (" + who + "). Start the server, or correct the base URL in "
                        + "the Providers page (or `quire provider`).");
    }

    /** The stream ended cleanly but before its end marker. */
    public ProviderError endedEarly(String endMarker) {
        return error(Kind.CONNECTION_DROPPED, null, null, true, null,
                "The reply from " + who + " at " + where + " ended before it was finished (no " + endMarker
                        + " came). The text received so far is kept; try again.");
    }

    /** A native-n request came back with fewer choices than asked for. */
    public ProviderError missingVariant(int asked) {
        return error(Kind.MALFORMED_RESPONSE, null, null, false, null,
                who + " at " + where + " sent fewer than the " + asked + " variants asked for in one request. If "
                        + "this server does not support several choices (n), make it an OpenAI-compatible "
                        + "provider in the Providers page (or `quire provider`) so Quire sends one request per variant.");
    }

    /** The same error, noting how many attempts were made. */
    public static ProviderError afterAttempts(ProviderError error, int attempts) {
        if (attempts <= 1) {
            return error;
        }
        return error.withMessage(error.message() + " (Quire tried " + attempts + " times.)");
    }

    // ---- helpers ----

    /** Seconds from a {@code retry-after} (seconds or HTTP date) or {@code retry-after-ms} header; null if absent. */
    public static Duration retryAfter(String retryAfter, String retryAfterMs) {
        if (retryAfterMs != null) {
            try {
                return Duration.ofMillis(Math.max(0, (long) Double.parseDouble(retryAfterMs.strip())));
            } catch (NumberFormatException ignored) {
                // fall through to retry-after
            }
        }
        if (retryAfter == null || retryAfter.isBlank()) {
            return null;
        }
        String v = retryAfter.strip();
        try {
            return Duration.ofMillis(Math.max(0, (long) (Double.parseDouble(v) * 1000)));
        } catch (NumberFormatException ignored) {
            // an HTTP date
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
            return d.isNegative() ? Duration.ZERO : d;
        } catch (RuntimeException ignored) {
            return null;
        }
    }

    private String serverSaid(String serverText) {
        if (serverText == null || serverText.isBlank()) {
            return "";
        }
        String t = redact(serverText.strip().replaceAll("\\s+", " "));
        if (t.length() > MAX_SERVER_TEXT) {
            t = t.substring(0, MAX_SERVER_TEXT) + "…";
        }
        char last = t.charAt(t.length() - 1);
        return " The server said: “" + t + "”" + (last == '.' || last == '!' || last == '?' || last == '…' ? "" : ".");
    }

    private static String statusText(Integer status) {
        return status == null ? "" : " (" + status + ")";
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return (ms + 500) / 1000 + " s";
    }

    private String envHint(String prefix) {
        return dev.quire.llm.ApiKey.environmentVariable(profile).map(v -> prefix + v).orElse("");
    }

    private String baseUrlConvention() {
        return switch (profile.kind()) {
            case OPENAI, OPENAI_COMPATIBLE -> " (for OpenAI and compatible servers it is the API root ending in /v1,"
                    + " such as http://localhost:8080/v1)";
            case ANTHROPIC -> " (for Anthropic it is the server root, https://api.anthropic.com)";
            case OLLAMA -> " (for Ollama it is the server root, such as http://localhost:11434)";
        };
    }

    private String formatName() {
        return switch (profile.kind()) {
            case ANTHROPIC -> "Anthropic Messages";
            case OLLAMA -> "Ollama";
            case OPENAI, OPENAI_COMPATIBLE -> "OpenAI Chat Completions";
        };
    }

    private ProviderError error(Kind kind, Integer status, Duration retryAfter, boolean retryable, String code,
                                String message) {
        return new ProviderError(kind, redactor.removeKey(message), status, retryAfter, retryable, code);
    }
}

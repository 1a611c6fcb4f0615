package dev.quire.llm.internal;

import dev.quire.llm.ApiKey;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scrubs secrets from text a server sent back before it reaches a message: the key itself, any part of it
 * eight characters or longer (servers echo "sk-abc…xyz"), and anything shaped like a key or bearer token.
 */
public final class Redactor {

    public static final String HIDDEN = "[key hidden]";

    private static final Pattern TOKEN = Pattern.compile("[^\\s\"'`,;()\\[\\]{}<>]+");
    private static final Pattern KEY_LIKE = Pattern.compile(
            "(?i)^(sk|rk|pk|gsk|xai|hf)[-_][A-Za-z0-9_\\-*.…]{6,}$|^[A-Za-z0-9_\\-]{32,}$");
    /** A key after its label; not one already replaced by {@link #HIDDEN}, which would leave " hidden]" behind. */
    private static final Pattern BEARER = Pattern.compile(
            "(?i)(bearer|x-api-key:|api[-_ ]?key[:=])\\s*(?!\\[key hidden\\])[^\\s\"',;]+");

    private final String key;

    public Redactor(ApiKey key) {
        this.key = key == null ? "" : key.reveal();
    }

    /** Only the exact key removed: a safety net for text Quire wrote itself. */
    public String removeKey(String text) {
        return text == null || key.isEmpty() ? text : text.replace(key, HIDDEN);
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String t = text;
        if (!key.isEmpty()) {
            t = t.replace(key, HIDDEN);
        }
        t = BEARER.matcher(t).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + HIDDEN));
        Matcher tokens = TOKEN.matcher(t);
        StringBuilder out = new StringBuilder(t.length());
        while (tokens.find()) {
            String token = tokens.group();
            tokens.appendReplacement(out, Matcher.quoteReplacement(isSecret(token) ? HIDDEN : token));
        }
        tokens.appendTail(out);
        return out.toString();
    }

    private boolean isSecret(String token) {
        if (token.equals(HIDDEN) || token.startsWith("[key") || token.startsWith("hidden]")) {
            return false;
        }
        if (KEY_LIKE.matcher(token).matches()) {
            return true;
        }
        if (key.length() >= 8 && token.length() >= 8) {
            for (int i = 0; i + 8 <= key.length(); i++) {
                if (token.contains(key.substring(i, i + 8))) {
                    return true;
                }
            }
        }
        return false;
    }
}

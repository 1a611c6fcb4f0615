package dev.quire.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Provider profiles as the library keeps them: where a provider is and which model to use. Never a
 * key: keys live outside the library (see {@code studio.KeyVault}).
 */
public final class ProviderRepository {

    /** One stored profile; {@code kind} is the provider kind's name, mapped by the studio. */
    public record StoredProvider(String name, String kind, String baseUrl, String defaultModel, int contextWindow,
                                 int maxOutputTokens, Map<String, String> extraHeaders, Integer thinkingBudget,
                                 String reasoningEffort, String bans, String cacheTtl) {
        public StoredProvider {
            extraHeaders = extraHeaders == null ? Map.of() : Map.copyOf(extraHeaders);
        }

        public StoredProvider(String name, String kind, String baseUrl, String defaultModel, int contextWindow,
                              int maxOutputTokens, Map<String, String> extraHeaders) {
            this(name, kind, baseUrl, defaultModel, contextWindow, maxOutputTokens, extraHeaders, null, null, null);
        }

        public StoredProvider(String name, String kind, String baseUrl, String defaultModel, int contextWindow,
                              int maxOutputTokens, Map<String, String> extraHeaders, Integer thinkingBudget,
                              String reasoningEffort) {
            this(name, kind, baseUrl, defaultModel, contextWindow, maxOutputTokens, extraHeaders, thinkingBudget,
                    reasoningEffort, null, null);
        }

        public StoredProvider(String name, String kind, String baseUrl, String defaultModel, int contextWindow,
                              int maxOutputTokens, Map<String, String> extraHeaders, Integer thinkingBudget,
                              String reasoningEffort, String bans) {
            this(name, kind, baseUrl, defaultModel, contextWindow, maxOutputTokens, extraHeaders, thinkingBudget,
                    reasoningEffort, bans, null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;

    public ProviderRepository(Database db) {
        this.db = db;
    }

    public List<StoredProvider> list() {
        return db.read("list the providers", c -> Statements.query(c,
                "SELECT * FROM provider ORDER BY name COLLATE NOCASE", ProviderRepository::row));
    }

    public Optional<StoredProvider> find(String name) {
        return db.read("load the provider", c -> Statements.one(c, "SELECT * FROM provider WHERE name = ?",
                ProviderRepository::row, name));
    }

    /**
     * Saves a profile under its name; {@code previousName} renames one that was stored under
     * another name (null for a new profile).
     */
    public void save(StoredProvider p, String previousName) {
        db.write("save the provider \"" + p.name() + "\"", c -> {
            if (previousName != null && !previousName.equals(p.name())) {
                Statements.update(c, "DELETE FROM provider WHERE name = ?", previousName);
            }
            return Statements.update(c, """
                    INSERT INTO provider (name, kind, base_url, default_model, settings) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, base_url = excluded.base_url,
                        default_model = excluded.default_model, settings = excluded.settings""",
                    p.name(), p.kind(), p.baseUrl(), p.defaultModel(), settings(p));
        });
    }

    public void delete(String name) {
        db.write("delete the provider \"" + name + "\"", c -> Statements.update(c,
                "DELETE FROM provider WHERE name = ?", name));
    }

    private static String settings(StoredProvider p) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("contextWindow", p.contextWindow());
        s.put("maxOutputTokens", p.maxOutputTokens());
        s.put("extraHeaders", p.extraHeaders());
        if (p.thinkingBudget() != null) {
            s.put("thinkingBudget", p.thinkingBudget());
        }
        if (p.reasoningEffort() != null) {
            s.put("reasoningEffort", p.reasoningEffort());
        }
        if (p.bans() != null) {
            s.put("bans", p.bans());
        }
        if (p.cacheTtl() != null) {
            s.put("cacheTtl", p.cacheTtl());
        }
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new PersistenceException("Could not encode the provider's settings", e);
        }
    }

    private static StoredProvider row(ResultSet rs) throws SQLException {
        Map<String, String> headers = new LinkedHashMap<>();
        int contextWindow = 0;
        int maxOutputTokens = 0;
        Integer thinkingBudget = null;
        String reasoningEffort = null;
        String bans = null;
        String cacheTtl = null;
        try {
            var settings = JSON.readTree(rs.getString("settings"));
            contextWindow = settings.path("contextWindow").asInt(0);
            maxOutputTokens = settings.path("maxOutputTokens").asInt(0);
            thinkingBudget = settings.path("thinkingBudget").isInt() ? settings.path("thinkingBudget").intValue() : null;
            reasoningEffort = settings.path("reasoningEffort").isTextual() ? settings.path("reasoningEffort").asText()
                    : null;
            bans = settings.path("bans").isTextual() ? settings.path("bans").asText() : null;
            cacheTtl = settings.path("cacheTtl").isTextual() ? settings.path("cacheTtl").asText() : null;
            settings.path("extraHeaders").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        } catch (JsonProcessingException e) {
            throw new PersistenceException("The settings of provider \"" + rs.getString("name")
                    + "\" in the library are not valid JSON", e);
        }
        return new StoredProvider(rs.getString("name"), rs.getString("kind"), rs.getString("base_url"),
                rs.getString("default_model"), contextWindow, maxOutputTokens, headers, thinkingBudget,
                reasoningEffort, bans, cacheTtl);
    }
}

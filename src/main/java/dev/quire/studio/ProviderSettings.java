package dev.quire.studio;

import dev.quire.llm.ApiKey;
import dev.quire.llm.ChatProvider;
import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.llm.Providers;
import dev.quire.store.PersistenceException;
import dev.quire.store.ProviderRepository;
import dev.quire.store.ProviderRepository.StoredProvider;
import dev.quire.store.SettingsRepository;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The writer's providers: profiles kept in the library, keys kept out of it (environment variables
 * first, then the {@link KeyVault}), the library's default profile and a story's own choice.
 */
public final class ProviderSettings {

    static final String DEFAULT_KEY = "provider.default";
    static final String STORY_KEY = "provider.story.";

    /** Where a profile's key comes from. */
    public enum KeySource { ENVIRONMENT, STORED, NOT_NEEDED, MISSING }

    private final ProviderRepository repository;
    private final SettingsRepository settings;
    private final KeyVault vault;
    private final Map<String, String> env;
    private final Providers.Settings providerSettings;
    private final Map<String, Cached> providers = new ConcurrentHashMap<>();

    private record Cached(ProviderProfile profile, String keyFingerprint, ChatProvider provider) {
    }

    ProviderSettings(ProviderRepository repository, SettingsRepository settings, KeyVault vault,
                     Map<String, String> env, Providers.Settings providerSettings) {
        this.repository = repository;
        this.settings = settings;
        this.vault = vault;
        this.env = Map.copyOf(env);
        this.providerSettings = providerSettings;
    }

    /** The stored profiles, by name. */
    public List<ProviderProfile> profiles() {
        List<ProviderProfile> out = new ArrayList<>();
        for (StoredProvider p : repository.list()) {
            out.add(profile(p));
        }
        return out;
    }

    /** A stored profile, or one of the kind names ({@code anthropic}, {@code openai}, {@code openai-compatible}, {@code ollama}). */
    public Optional<ProviderProfile> find(String nameOrKind) {
        Optional<ProviderProfile> stored = repository.find(nameOrKind).map(ProviderSettings::profile);
        if (stored.isPresent()) {
            return stored;
        }
        return kindNamed(nameOrKind).map(ProviderProfile::defaults);
    }

    /** {@code anthropic}, {@code openai}, {@code openai-compatible} or {@code ollama}, in any case, with - or _. */
    public static Optional<ProviderKind> kindNamed(String name) {
        String n = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (ProviderKind k : ProviderKind.values()) {
            if (k.name().equals(n)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** Saves a profile after checking it; {@code previousName} is the name it had, for a rename (null when new). */
    public void save(ProviderProfile profile, String previousName) {
        profile.validate();
        repository.save(new StoredProvider(profile.name(), profile.kind().name(), profile.baseUrl(),
                profile.defaultModel(), profile.contextWindow(), profile.maxOutputTokens(), profile.extraHeaders(),
                profile.thinkingBudget(), profile.reasoningEffort(), profile.bans(), profile.cacheTtl()), previousName);
        if (previousName != null && !previousName.equals(profile.name())) {
            vault.rename(previousName, profile.name());
            if (defaultProfileName().filter(previousName::equals).isPresent()) {
                setDefaultProfile(profile.name());
            }
        }
        providers.remove(profile.name());
    }

    public void delete(String name) {
        repository.delete(name);
        vault.remove(name);
        providers.remove(name);
        if (defaultProfileName().filter(name::equals).isPresent()) {
            settings.put(DEFAULT_KEY, "");
        }
    }

    public Optional<String> defaultProfileName() {
        return settings.get(DEFAULT_KEY).filter(s -> !s.isBlank());
    }

    public void setDefaultProfile(String name) {
        settings.put(DEFAULT_KEY, name == null ? "" : name);
    }

    public Optional<String> storyProfileName(long storyId) {
        return settings.get(STORY_KEY + storyId).filter(s -> !s.isBlank());
    }

    /** A story's own provider; null or blank goes back to the library's default. */
    public void setStoryProfile(long storyId, String name) {
        settings.put(STORY_KEY + storyId, name == null ? "" : name);
    }

    /** The profile a story generates with: its own choice, else the library's default, else the only profile. */
    public Optional<ProviderProfile> profileFor(long storyId) {
        Optional<String> name = storyProfileName(storyId).or(this::defaultProfileName);
        if (name.isPresent()) {
            return find(name.get());
        }
        List<ProviderProfile> all = profiles();
        return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
    }

    public KeySource keySource(ProviderProfile profile) {
        if (ApiKey.fromEnvironment(profile, env).isPresent()) {
            return KeySource.ENVIRONMENT;
        }
        if (vault.get(profile.name()).isPresent()) {
            return KeySource.STORED;
        }
        return keyOptional(profile) ? KeySource.NOT_NEEDED : KeySource.MISSING;
    }

    /** Ollama needs no key, and a compatible server on this machine or the local network usually has none. */
    public static boolean keyOptional(ProviderProfile profile) {
        return !profile.kind().needsKey()
                || (profile.kind() == ProviderKind.OPENAI_COMPATIBLE && ProviderProfile.isLocalHost(profile.host()));
    }

    /** The environment variable that would hold this profile's key, if any. */
    public Optional<String> keyVariable(ProviderProfile profile) {
        return ApiKey.environmentVariable(profile);
    }

    /** The key for a profile: its environment variable first, then the vault. */
    public Optional<ApiKey> key(ProviderProfile profile) {
        Optional<ApiKey> fromEnv = ApiKey.fromEnvironment(profile, env);
        return fromEnv.isPresent() ? fromEnv : vault.get(profile.name());
    }

    public void storeKey(String profileName, ApiKey key) {
        vault.put(profileName, key);
        providers.remove(profileName);
    }

    public void forgetKey(String profileName) {
        vault.remove(profileName);
        providers.remove(profileName);
    }

    /** A provider for the profile with its key, made once and kept while profile and key stay the same. */
    public ChatProvider provider(ProviderProfile profile) {
        ApiKey key = key(profile).orElse(ApiKey.none());
        String fingerprint = Integer.toHexString(key.reveal().hashCode());
        Cached cached = providers.get(profile.name());
        if (cached != null && cached.profile().equals(profile) && cached.keyFingerprint().equals(fingerprint)) {
            return cached.provider();
        }
        ChatProvider provider;
        try {
            provider = Providers.create(profile, key, providerSettings);
        } catch (IllegalArgumentException e) {
            throw new PersistenceException("The provider \"" + profile.name() + "\" is not usable: "
                    + e.getMessage(), e);
        }
        providers.put(profile.name(), new Cached(profile, fingerprint, provider));
        return provider;
    }

    private static ProviderProfile profile(StoredProvider p) {
        ProviderKind kind = kindNamed(p.kind()).orElse(ProviderKind.OPENAI_COMPATIBLE);
        ProviderProfile defaults = ProviderProfile.defaults(kind);
        return new ProviderProfile(p.name(), kind, p.baseUrl(), p.defaultModel(),
                p.contextWindow() > 0 ? p.contextWindow() : defaults.contextWindow(),
                p.maxOutputTokens() > 0 ? p.maxOutputTokens() : defaults.maxOutputTokens(), p.extraHeaders(),
                p.thinkingBudget(), p.reasoningEffort(), p.bans(), p.cacheTtl());
    }

    @Override
    public String toString() {
        return "ProviderSettings[" + Objects.toString(vault.file()) + "]";
    }
}

package dev.quire.ui.settings;

import dev.quire.llm.ApiKey;
import dev.quire.llm.Ollama;
import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.studio.ProviderSettings;
import dev.quire.studio.ProviderSettings.KeySource;
import dev.quire.studio.Studio;
import dev.quire.ui.common.Background;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The providers page: the library's profiles, the one being edited, its key (write-only: the page
 * never shows a stored key), the default profile, and "Test connection".
 */
public final class ProvidersViewModel {

    /** Where a test connection stands. */
    public enum TestState { IDLE, RUNNING, PASSED, FAILED }

    private final Studio studio;
    private final Background background;

    private final ObservableList<ProviderProfile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<ProviderProfile> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty defaultProfile = new SimpleStringProperty(this, "defaultProfile", "");

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<ProviderKind> kind = new SimpleObjectProperty<>(this, "kind", ProviderKind.ANTHROPIC);
    private final StringProperty baseUrl = new SimpleStringProperty(this, "baseUrl", "");
    private final StringProperty model = new SimpleStringProperty(this, "model", "");
    private final StringProperty contextWindow = new SimpleStringProperty(this, "contextWindow", "");
    private final StringProperty maxOutputTokens = new SimpleStringProperty(this, "maxOutputTokens", "");
    private final ReasoningSettings reasoning = new ReasoningSettings();
    private final StringProperty newKey = new SimpleStringProperty(this, "newKey", "");
    private final StringProperty keyStatus = new SimpleStringProperty(this, "keyStatus", "");
    private final StringProperty problems = new SimpleStringProperty(this, "problems", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final ObjectProperty<TestState> testState = new SimpleObjectProperty<>(this, "testState", TestState.IDLE);
    private final StringProperty testResult = new SimpleStringProperty(this, "testResult", "");
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final BooleanProperty ollamaOffer = new SimpleBooleanProperty(this, "ollamaOffer");
    private final BooleanProperty editing = new SimpleBooleanProperty(this, "editing");
    private final BooleanProperty keyStored = new SimpleBooleanProperty(this, "keyStored");

    /** The name the edited profile is stored under; null while it is new. */
    private String storedName;

    public ProvidersViewModel(Studio studio, Background background) {
        this.studio = studio;
        this.background = background;
        selected.addListener((o, was, now) -> edit(now));
        kind.addListener((o, was, now) -> {
            // a new profile of another kind starts from that kind's defaults
            if (storedName == null && now != null && was != null) {
                ProviderProfile d = ProviderProfile.defaults(now);
                if (baseUrl.get().isBlank() || baseUrl.get().equals(ProviderProfile.defaults(was).baseUrl())) {
                    baseUrl.set(d.baseUrl());
                }
                if (model.get().isBlank() || model.get().equals(ProviderProfile.defaults(was).defaultModel())) {
                    model.set(d.defaultModel());
                }
                contextWindow.set(Integer.toString(d.contextWindow()));
                maxOutputTokens.set(Integer.toString(d.maxOutputTokens()));
            }
        });
    }

    private record Loaded(List<ProviderProfile> profiles, String defaultName, boolean ollamaRunning) {
    }

    private record Tested(Duration latency, List<String> models) {
    }

    public void reload() {
        ProviderSettings p = studio.providers();
        background.read(() -> new Loaded(p.profiles(), p.defaultProfileName().orElse(""), Ollama.isRunning()))
                .onSuccess(r -> {
                    List<ProviderProfile> list = r.profiles();
                    String keep = selected.get() == null ? null : selected.get().name();
                    profiles.setAll(list);
                    defaultProfile.set(r.defaultName());
                    boolean hasOllama = list.stream().anyMatch(x -> x.kind() == ProviderKind.OLLAMA);
                    ollamaOffer.set(r.ollamaRunning() && !hasOllama);
                    list.stream().filter(x -> x.name().equals(keep)).findFirst().ifPresentOrElse(selected::set,
                            () -> selected.set(list.isEmpty() ? null : list.get(0)));
                })
                .onError(e -> message.set(e.getMessage()))
                .start();
    }

    /** Starts a new profile from a preset (Anthropic, OpenAI, OpenRouter, DeepSeek, LM Studio, llama.cpp, Ollama…). */
    public void startNew(ProviderProfile preset) {
        selected.set(null);
        storedName = null;
        fill(uniqueName(preset));
        editing.set(true);
    }

    private ProviderProfile uniqueName(ProviderProfile preset) {
        String base = preset.name();
        String candidate = base;
        for (int i = 2; nameTaken(candidate); i++) {
            candidate = base + " " + i;
        }
        return preset.withName(candidate);
    }

    private boolean nameTaken(String candidate) {
        return profiles.stream().anyMatch(p -> p.name().equalsIgnoreCase(candidate));
    }

    private void edit(ProviderProfile profile) {
        if (profile == null) {
            editing.set(storedName == null && !name.get().isBlank());
            return;
        }
        storedName = profile.name();
        fill(profile);
        editing.set(true);
    }

    private void fill(ProviderProfile p) {
        name.set(p.name());
        kind.set(p.kind());
        baseUrl.set(p.baseUrl());
        model.set(p.defaultModel());
        contextWindow.set(Integer.toString(p.contextWindow()));
        maxOutputTokens.set(Integer.toString(p.maxOutputTokens()));
        reasoning.fill(p);
        newKey.set("");
        problems.set("");
        testState.set(TestState.IDLE);
        testResult.set("");
        models.clear();
        refreshKeyStatus(p);
    }

    private void refreshKeyStatus(ProviderProfile p) {
        ProviderSettings settings = studio.providers();
        background.read(() -> settings.keySource(p)).onSuccess(source -> {
                    keyStatus.set(describe(source, p));
                    keyStored.set(source == KeySource.STORED);
                })
                .onError(e -> keyStatus.set(e.getMessage())).start();
    }

    private String describe(KeySource source, ProviderProfile p) {
        String variable = studio.providers().keyVariable(p).orElse(null);
        return switch (source) {
            case ENVIRONMENT -> "Key from the environment variable " + variable + ".";
            case STORED -> "A key is stored for this profile (in a file only you can read, outside the library).";
            case NOT_NEEDED -> p.kind() == ProviderKind.OLLAMA ? "Ollama needs no key."
                    : "A server on this machine or your network usually needs no key; add one if it asks.";
            case MISSING -> "No key yet. Paste one below" + (variable == null ? "." : ", or set " + variable + ".");
        };
    }

    /** The profile as the form has it now, not yet checked. */
    public ProviderProfile draft() {
        return reasoning.applyTo(new ProviderProfile(name.get(), kind.get(), baseUrl.get(), model.get(),
                parse(contextWindow.get()), parse(maxOutputTokens.get()), storedExtraHeaders()))
                .withBans(profiles.stream().filter(p -> p.name().equals(storedName)).findFirst()
                        .map(ProviderProfile::bans).orElse(null));
    }

    private java.util.Map<String, String> storedExtraHeaders() {
        return profiles.stream().filter(p -> p.name().equals(storedName)).findFirst()
                .map(ProviderProfile::extraHeaders)
                .orElseGet(() -> ProviderProfile.presets().stream()
                        .filter(p -> p.baseUrl().equals(baseUrl.get().strip())).findFirst()
                        .map(ProviderProfile::extraHeaders).orElse(java.util.Map.of()));
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s.strip().replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Saves the form; problems are listed instead when the profile is not valid. */
    public void save() {
        ProviderProfile draft = draft();
        List<String> found = draft.problems();
        if (parse(contextWindow.get()) <= 0) {
            found = new java.util.ArrayList<>(found);
            found.add("The context window must be a number of tokens, e.g. 200000.");
        }
        if (!Objects.equals(storedName, draft.name()) && nameTaken(draft.name())) {
            found = new java.util.ArrayList<>(found);
            found.add("Another profile is already called \"" + draft.name() + "\".");
        }
        if (!found.isEmpty()) {
            problems.set(String.join("\n", found));
            return;
        }
        problems.set("");
        String previous = storedName;
        String key = newKey.get().strip();
        ProviderSettings settings = studio.providers();
        boolean first = profiles.isEmpty();
        background.write(() -> {
            settings.save(draft, previous);
            if (!key.isEmpty()) {
                settings.storeKey(draft.name(), ApiKey.of(key));
            }
            if (first) {
                settings.setDefaultProfile(draft.name());
            }
            return draft;
        }).onSuccess(saved -> {
            storedName = saved.name();
            newKey.set("");
            message.set("Saved \"" + saved.name() + "\"." + (first ? " It is the library's default provider." : ""));
            reload();
            refreshKeyStatus(saved);
        }).onError(e -> problems.set(e.getMessage())).start();
    }

    public void delete() {
        if (storedName == null) {
            editing.set(false);
            return;
        }
        String doomed = storedName;
        ProviderSettings settings = studio.providers();
        background.write(() -> {
            settings.delete(doomed);
            return null;
        }).onSuccess(x -> {
            storedName = null;
            selected.set(null);
            editing.set(false);
            message.set("Removed \"" + doomed + "\" and its stored key.");
            reload();
        }).onError(e -> message.set(e.getMessage())).start();
    }

    public void forgetKey() {
        if (storedName == null) {
            return;
        }
        String profile = storedName;
        ProviderSettings settings = studio.providers();
        background.write(() -> {
            settings.forgetKey(profile);
            return null;
        }).onSuccess(x -> refreshKeyStatus(draft())).onError(e -> message.set(e.getMessage())).start();
    }

    public void makeDefault() {
        if (storedName == null) {
            return;
        }
        String chosen = storedName;
        ProviderSettings settings = studio.providers();
        background.write(() -> {
            settings.setDefaultProfile(chosen);
            return null;
        }).onSuccess(x -> defaultProfile.set(chosen)).onError(e -> message.set(e.getMessage())).start();
    }

    /**
     * Sends a tiny real request with the form's profile (and the key typed, if any, else the stored
     * or environment one) and reports the latency or the provider's clear error.
     */
    public void testConnection() {
        ProviderProfile draft = draft();
        List<String> found = draft.problems();
        if (!found.isEmpty()) {
            testState.set(TestState.FAILED);
            testResult.set(String.join(" ", found));
            return;
        }
        testState.set(TestState.RUNNING);
        testResult.set("Sending a one-token request to " + draft.baseUrl() + "…");
        String typed = newKey.get().strip();
        ProviderSettings settings = studio.providers();
        background.read(() -> {
            ApiKey key = typed.isEmpty() ? settings.key(draft).orElse(ApiKey.none()) : ApiKey.of(typed);
            var provider = dev.quire.llm.Providers.create(draft, key);
            Duration latency = provider.testConnection();
            List<String> available;
            try {
                available = provider.listModels();
            } catch (RuntimeException e) {
                available = List.of();
            }
            return new Tested(latency, available);
        }).onSuccess(r -> {
            Duration latency = r.latency();
            List<String> available = r.models();
            models.setAll(available);
            testState.set(TestState.PASSED);
            testResult.set("Connected: " + draft.defaultModel() + " answered in " + latency.toMillis() + " ms"
                    + (available.isEmpty() ? "." : ". " + available.size() + (available.size() == 1 ? " model" : " models")
                    + " available."));
        }).onError(e -> {
            testState.set(TestState.FAILED);
            testResult.set(e.getMessage());
        }).start();
    }

    public void addOllama() {
        startNew(ProviderProfile.defaults(ProviderKind.OLLAMA));
    }

    public ObservableList<ProviderProfile> profiles() {
        return profiles;
    }

    public ObjectProperty<ProviderProfile> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty defaultProfileProperty() {
        return defaultProfile;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<ProviderKind> kindProperty() {
        return kind;
    }

    public StringProperty baseUrlProperty() {
        return baseUrl;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public StringProperty contextWindowProperty() {
        return contextWindow;
    }

    /** Extended thinking and reasoning effort, as the form has them. */
    public ReasoningSettings reasoning() {
        return reasoning;
    }

    public StringProperty maxOutputTokensProperty() {
        return maxOutputTokens;
    }

    public StringProperty newKeyProperty() {
        return newKey;
    }

    public ReadOnlyStringProperty keyStatusProperty() {
        return keyStatus;
    }

    public ReadOnlyStringProperty problemsProperty() {
        return problems;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ObjectProperty<TestState> testStateProperty() {
        return testState;
    }

    public ReadOnlyStringProperty testResultProperty() {
        return testResult;
    }

    public ObservableList<String> models() {
        return models;
    }

    public ReadOnlyBooleanProperty ollamaOfferProperty() {
        return ollamaOffer;
    }

    /** Whether a key is stored for the edited profile (so it can be forgotten). */
    public ReadOnlyBooleanProperty keyStoredProperty() {
        return keyStored;
    }

    public ReadOnlyBooleanProperty editingProperty() {
        return editing;
    }

    /** True when the edited profile is stored (so it can be deleted, made default, have its key forgotten). */
    public BooleanBinding storedBinding() {
        return Bindings.createBooleanBinding(() -> storedName != null && selected.get() != null, selected, editing);
    }
}

package dev.quire.cli;

import dev.quire.llm.ApiKey;
import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.studio.LibraryLocation;
import dev.quire.studio.ProviderSettings;
import dev.quire.studio.Studio;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code quire provider add|remove|default|key}: what the settings screen does, from the command line. */
@Command(name = "provider", mixinStandardHelpOptions = true,
        description = "Add, remove or choose provider profiles, and store their keys outside the library.",
        subcommands = {ProviderCommand.Add.class, ProviderCommand.Remove.class, ProviderCommand.Default.class,
                ProviderCommand.Key.class})
final class ProviderCommand implements Callable<Integer> {

    @ParentCommand
    QuireCommand parent;

    @Mixin
    LibraryOptions library;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    Studio open(LibraryOptions inner) {
        return inner.orElse(library.orElse(parent.library)).open(parent.env);
    }

    static ProviderKind kind(String name, CommandLine cmd) {
        return ProviderSettings.kindNamed(name).orElseThrow(() -> new CommandLine.ParameterException(cmd,
                "--kind must be one of anthropic, openai, openai-compatible, ollama, not “" + name + "”."));
    }

    static ProviderProfile find(ProviderSettings providers, String name, CommandLine cmd) {
        return providers.find(name.strip()).orElseThrow(() -> new CommandLine.ParameterException(cmd,
                "There is no provider named “" + name.strip() + "”. `quire providers` lists the stored ones; "
                        + "anthropic, openai, openai-compatible and ollama are built in."));
    }

    static boolean isStored(ProviderSettings providers, String name) {
        return providers.profiles().stream().anyMatch(p -> p.name().equals(name));
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Add a provider profile to the library, or update the one with this name.",
                    "",
                    "The base URL follows each provider's SDK: the server root for Anthropic and Ollama "
                            + "(https://api.anthropic.com, http://localhost:11434); the API root with /v1 for OpenAI "
                            + "and compatible servers (https://api.openai.com/v1, https://openrouter.ai/api/v1, "
                            + "http://localhost:8080/v1). Plain http only for this computer and the local network."})
    static final class Add implements Callable<Integer> {
        @ParentCommand
        ProviderCommand parent;

        @Mixin
        LibraryOptions library;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "The profile's name, as --provider will take it.")
        String name;

        @Option(names = "--kind", required = true, paramLabel = "K",
                description = "anthropic, openai, openai-compatible or ollama.")
        String kind;

        @Option(names = "--base-url", required = true, paramLabel = "URL", description = "Where the provider is.")
        String baseUrl;

        @Option(names = "--model", paramLabel = "M", description = "Default model. Default: the kind's usual one.")
        String model;

        @Option(names = "--context", paramLabel = "N", description = "The model's context window in tokens.")
        Integer context;

        @Option(names = "--max-tokens", paramLabel = "N", description = "Most output tokens per variant.")
        Integer maxTokens;

        @Option(names = "--thinking", paramLabel = "TOKENS|off",
                description = "Anthropic extended thinking: a budget of at least 1024 tokens, or off. The model's "
                        + "thinking is kept beside each variant, never in its text.")
        String thinking;

        @Option(names = "--reasoning-effort", paramLabel = "low|medium|high|off",
                description = "For OpenAI and compatible reasoning models that take one (minimal, low, medium, high),"
                        + " or off to send none.")
        String reasoningEffort;

        @Option(names = "--bans", paramLabel = "auto|none|koboldcpp|llamacpp|openai",
                description = "Send the story's avoid list as provider-level bans: koboldcpp (banned_tokens), "
                        + "llamacpp (logit_bias with strings), openai (logit_bias of token ids), none, or auto "
                        + "(openai for OpenAI, none otherwise).")
        String bans;

        @Option(names = "--cache-ttl", paramLabel = "5m|1h",
                description = "Anthropic's prompt cache lifetime: 5m (default) or 1h, for long sessions; a 1-hour "
                        + "cache write costs more (see `quire prices list`).")
        String cacheTtl;

        @Override
        public Integer call() {
            CommandLine cmd = spec.commandLine();
            ProviderKind k = kind(kind, cmd);
            try (Studio studio = parent.open(library)) {
                ProviderSettings providers = studio.providers();
                Optional<ProviderProfile> existing = providers.profiles().stream()
                        .filter(p -> p.name().equals(name.strip())).findFirst();
                Optional<ProviderProfile> preset = preset(k, baseUrl);
                ProviderProfile base = existing.filter(p -> p.kind() == k)
                        .orElse(preset.orElse(ProviderProfile.defaults(k)));
                Map<String, String> headers = existing.isPresent() ? existing.get().extraHeaders()
                        : preset.map(ProviderProfile::extraHeaders).orElse(Map.of());
                ProviderProfile profile = new ProviderProfile(name, k, baseUrl,
                        model != null ? model : base.defaultModel(),
                        context != null ? context : base.contextWindow(),
                        maxTokens != null ? maxTokens : base.maxOutputTokens(), headers,
                        existing.map(ProviderProfile::thinkingBudget).orElse(null),
                        existing.map(ProviderProfile::reasoningEffort).orElse(null),
                        bans != null ? bans : existing.map(ProviderProfile::bans).orElse(null),
                        cacheTtl != null ? cacheTtl : existing.map(ProviderProfile::cacheTtl).orElse(null));
                if (!ProviderProfile.CACHE_TTLS.contains(profile.cacheTtl())) {
                    throw new CommandLine.ParameterException(cmd, "--cache-ttl is 5m or 1h, not “" + cacheTtl
                            + "”.");
                }
                profile = ProviderOptions.apply(profile, thinking, reasoningEffort, cmd);
                if (!profile.problems().isEmpty()) {
                    throw new CommandLine.ParameterException(cmd, "Provider “" + profile.name() + "”: "
                            + String.join(" ", profile.problems()));
                }
                providers.save(profile, null);
                PrintWriter out = cmd.getOut();
                out.println((existing.isPresent() ? "Updated" : "Added") + " provider “" + profile.name() + "”: "
                        + k.displayName() + " at " + profile.baseUrl() + ", model " + profile.defaultModel() + ".");
                ProviderSettings.KeySource source = providers.keySource(profile);
                if (source == ProviderSettings.KeySource.MISSING) {
                    out.println("It needs a key: " + providers.keyVariable(profile).map(v -> "set " + v + ", or ")
                            .orElse("") + "store one with `quire provider key " + profile.name()
                            + "` (it reads the key from standard input).");
                }
                if (providers.defaultProfileName().isEmpty() && providers.profiles().size() > 1) {
                    out.println("To generate with it by default: quire provider default " + profile.name());
                }
            }
            return 0;
        }

        /** The preset at this address (OpenRouter, DeepSeek, LM Studio…): its model, context and headers. */
        private static Optional<ProviderProfile> preset(ProviderKind kind, String baseUrl) {
            ProviderProfile typed = new ProviderProfile("x", kind, baseUrl, "", 1, 1);
            for (ProviderProfile preset : ProviderProfile.presets()) {
                if (preset.kind() == kind && preset.baseUrl().equalsIgnoreCase(typed.baseUrl())) {
                    return Optional.of(preset);
                }
            }
            return Optional.empty();
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a stored provider profile and forget its stored key.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        ProviderCommand parent;

        @Mixin
        LibraryOptions library;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            CommandLine cmd = spec.commandLine();
            try (Studio studio = parent.open(library)) {
                ProviderSettings providers = studio.providers();
                String n = name.strip();
                if (!isStored(providers, n)) {
                    throw new CommandLine.ParameterException(cmd, ProviderSettings.kindNamed(n).isPresent()
                            ? "“" + n + "” is built in and cannot be removed. `quire provider key " + n
                            + " --forget` forgets a key stored for it."
                            : "There is no stored provider named “" + n + "”. `quire providers` lists them.");
                }
                boolean wasDefault = providers.defaultProfileName().filter(n::equals).isPresent();
                providers.delete(n);
                cmd.getOut().println("Removed provider “" + n + "” and any key stored for it."
                        + (wasDefault ? " The library has no default provider now." : ""));
            }
            return 0;
        }
    }

    @Command(name = "default", mixinStandardHelpOptions = true,
            description = {"Make a provider the library's default for generating. Without NAME, print the default.",
                    "A story's own choice, made in the studio, comes before it."})
    static final class Default implements Callable<Integer> {
        @ParentCommand
        ProviderCommand parent;

        @Mixin
        LibraryOptions library;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", arity = "0..1",
                description = "A stored profile, or anthropic, openai, openai-compatible, ollama.")
        String name;

        @Override
        public Integer call() {
            CommandLine cmd = spec.commandLine();
            try (Studio studio = parent.open(library)) {
                ProviderSettings providers = studio.providers();
                if (name == null) {
                    cmd.getOut().println(providers.defaultProfileName().orElse("(none)"));
                    return 0;
                }
                find(providers, name, cmd);
                providers.setDefaultProfile(name.strip());
                cmd.getOut().println("“" + name.strip() + "” is now the library's default provider.");
            }
            return 0;
        }
    }

    @Command(name = "key", mixinStandardHelpOptions = true,
            description = {"Store a provider's API key, read from standard input, in a file only you can read in "
                    + "the config folder ($QUIRE_CONFIG_HOME, else ~/.config/quire): never in the library.",
                    "",
                    "The key is never taken as an argument, which would show in process lists and shell history. "
                            + "At a terminal it is typed without echo; otherwise pipe it in, e.g. "
                            + "`quire provider key NAME < key.txt`. A key in the provider's environment variable "
                            + "(ANTHROPIC_API_KEY…) is used before a stored one."})
    static final class Key implements Callable<Integer> {
        /** Longer than any real key; stops a mistaken pipe of a whole file. */
        static final int MAX_KEY_BYTES = 4096;

        @ParentCommand
        ProviderCommand parent;

        @Mixin
        LibraryOptions library;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "A stored profile, or a built-in kind.")
        String name;

        /** Caught so that a key typed as an argument is refused without being repeated in the error. */
        @Parameters(index = "1..*", hidden = true)
        java.util.List<String> extra;

        @Option(names = "--forget", description = "Forget the stored key instead.")
        boolean forget;

        @Override
        public Integer call() throws IOException {
            CommandLine cmd = spec.commandLine();
            PrintWriter out = cmd.getOut();
            PrintWriter err = cmd.getErr();
            if (extra != null && !extra.isEmpty()) {
                err.println("quire: the key is read from standard input, never from an argument: arguments show in "
                        + "process lists and shell history. Nothing was stored. If that argument was your key, "
                        + "consider replacing it at the provider.");
                return CommandLine.ExitCode.USAGE;
            }
            try (Studio studio = parent.open(library)) {
                ProviderSettings providers = studio.providers();
                ProviderProfile profile = find(providers, name, cmd);
                if (forget) {
                    providers.forgetKey(profile.name());
                    out.println("Forgot the key stored for “" + profile.name() + "”.");
                    return 0;
                }
                String key = readKey(profile.name());
                if (key == null) {
                    err.println("quire: no key arrived on standard input. Type it when asked at a terminal, or pipe "
                            + "it in: quire provider key " + name.strip() + " < key.txt");
                    return 1;
                }
                if (key.chars().anyMatch(Character::isWhitespace)) {
                    err.println("quire: standard input held more than the key (it has spaces or several lines). "
                            + "Give the key alone; nothing was stored.");
                    return 1;
                }
                providers.storeKey(profile.name(), ApiKey.of(key));
                out.println("Stored the key for “" + profile.name() + "” in "
                        + LibraryLocation.configDir(parent.parent.env).resolve("keys.json")
                        + ", readable only by you. It never goes into the library.");
                if (providers.keySource(profile) == ProviderSettings.KeySource.ENVIRONMENT) {
                    out.println("Note: " + providers.keyVariable(profile).orElse("an environment variable")
                            + " is set, and a key from the environment is used before a stored one.");
                }
            }
            return 0;
        }

        /** The key, stripped, or null when none came. */
        private String readKey(String profileName) throws IOException {
            QuireCommand root = parent.parent;
            if (root.console != null) {
                char[] typed = root.console.readPassword("API key for %s (not shown): ", profileName);
                if (typed == null) {
                    return null;
                }
                String key = new String(typed).strip();
                Arrays.fill(typed, '\0');
                return key.isEmpty() ? null : key;
            }
            InputStream in = root.in;
            byte[] bytes = in.readNBytes(MAX_KEY_BYTES + 1);
            if (bytes.length > MAX_KEY_BYTES) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Standard input is longer than any "
                        + "API key (over " + MAX_KEY_BYTES + " bytes); give the key alone. Nothing was stored.");
            }
            String key = new String(bytes, StandardCharsets.UTF_8).strip();
            return key.isEmpty() ? null : key;
        }
    }
}

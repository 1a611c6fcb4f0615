package dev.quire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.studio.ProviderCheck;
import dev.quire.studio.ProviderSettings;
import dev.quire.studio.Studio;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "providers", mixinStandardHelpOptions = true,
        description = {
                "List the provider profiles stored in the library, then the four built-in ones (named by kind), with "
                        + "where each one's key comes from and whether it answers.",
                "",
                "Reachability is checked by asking each server for its model list, which costs nothing, all at "
                        + "once, with a short timeout. A profile that needs a key and has none is not contacted. Keys "
                        + "are never shown."})
final class ProvidersCommand implements Callable<Integer> {

    /** How long each check may take. */
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);

    @ParentCommand
    QuireCommand parent;

    @Mixin
    LibraryOptions library;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array of {name, builtIn, default, kind, baseUrl, "
            + "defaultModel, contextWindow, maxOutputTokens, key: {source, variable}, status, latencyMs, models, "
            + "message}.")
    boolean json;

    @Option(names = "--no-check", description = "List without contacting any server.")
    boolean noCheck;

    /** One line of the list: a profile and the name to give --provider for it. */
    record Row(String name, boolean builtIn, ProviderProfile profile) {
    }

    @Override
    public Integer call() throws Exception {
        List<Row> rows = new ArrayList<>();
        List<ProviderCheck.Result> checks;
        Optional<ProviderProfile> defaultProfile;
        List<ProviderSettings.KeySource> keys = new ArrayList<>();
        List<Optional<String>> variables = new ArrayList<>();
        try (Studio studio = library.orElse(parent.library).open(parent.env)) {
            ProviderSettings providers = studio.providers();
            for (ProviderProfile p : providers.profiles()) {
                rows.add(new Row(p.name(), false, p));
            }
            for (ProviderKind kind : ProviderKind.values()) {
                rows.add(new Row(kindName(kind), true, ProviderProfile.defaults(kind)));
            }
            defaultProfile = providers.defaultProfileName().flatMap(providers::find);
            for (Row r : rows) {
                keys.add(providers.keySource(r.profile()));
                variables.add(providers.keyVariable(r.profile()));
            }
            List<ProviderProfile> profiles = new ArrayList<>();
            rows.forEach(r -> profiles.add(r.profile()));
            checks = noCheck ? null : ProviderCheck.check(studio, profiles, CHECK_TIMEOUT);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ArrayNode array = mapper.createArrayNode();
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                ProviderProfile p = r.profile();
                ObjectNode o = array.addObject();
                o.put("name", r.name());
                o.put("builtIn", r.builtIn());
                o.put("default", defaultProfile.filter(p::equals).isPresent());
                o.put("kind", kindName(p.kind()));
                o.put("baseUrl", p.baseUrl());
                o.put("defaultModel", p.defaultModel());
                o.put("contextWindow", p.contextWindow());
                o.put("maxOutputTokens", p.maxOutputTokens());
                ObjectNode key = o.putObject("key");
                key.put("source", keyWord(keys.get(i)));
                key.put("variable", variables.get(i).orElse(null));
                ProviderCheck.Result check = checks == null ? null : checks.get(i);
                o.put("status", check == null ? "not checked" : statusWord(check.state()));
                o.put("latencyMs", check == null || check.latency() == null ? null : check.latency().toMillis());
                o.put("models", check == null || check.state() != ProviderCheck.State.REACHABLE ? null
                        : Integer.valueOf(check.models()));
                o.put("message", check == null ? null : check.message());
                o.put("bans", p.bans());
                o.put("server", check == null || check.server() == null ? null : serverWord(check.server()));
            }
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(array));
            return 0;
        }
        boolean anyStored = rows.stream().anyMatch(r -> !r.builtIn());
        if (!anyStored) {
            out.println("No provider profiles are stored in this library yet; add one with");
            out.println("  quire provider add NAME --kind anthropic|openai|openai-compatible|ollama --base-url URL");
            out.println("or name a built-in one with --provider.");
            out.println();
        }
        boolean builtInHeading = false;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.builtIn() && !builtInHeading) {
                builtInHeading = true;
                out.println("Built in (name one with --provider; defaults shown):");
                out.println();
            }
            ProviderProfile p = r.profile();
            out.println(r.name() + (defaultProfile.filter(p::equals).isPresent() ? "  (default)" : ""));
            out.printf("  kind      %s%n", p.kind().displayName());
            out.printf("  base URL  %s%n", p.baseUrl());
            out.printf("  model     %s%n", p.defaultModel().isEmpty() ? "(none set)" : p.defaultModel());
            out.printf(Locale.ROOT, "  context   %,d tokens, up to %,d out%n", p.contextWindow(), p.maxOutputTokens());
            out.printf("  key       %s%n", keyLine(keys.get(i), variables.get(i), r.name()));
            if (checks != null) {
                out.printf("  status    %s%n", statusLine(checks.get(i)));
            }
            String bans = bansLine(p, checks == null ? null : checks.get(i).server());
            if (bans != null) {
                out.printf("  bans      %s%n", bans);
            }
            out.println();
        }
        return 0;
    }

    static String kindName(ProviderKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String keyWord(ProviderSettings.KeySource source) {
        return switch (source) {
            case ENVIRONMENT -> "environment";
            case STORED -> "stored";
            case NOT_NEEDED -> "not needed";
            case MISSING -> "missing";
        };
    }

    private static String keyLine(ProviderSettings.KeySource source, Optional<String> variable, String name) {
        return switch (source) {
            case ENVIRONMENT -> "from " + variable.orElse("the environment");
            case STORED -> "stored outside the library (quire provider key " + quoted(name) + ")";
            case NOT_NEEDED -> "not needed";
            case MISSING -> "missing: " + variable.map(v -> "set " + v + ", or ").orElse("")
                    + "store one with `quire provider key " + quoted(name) + "`";
        };
    }

    private static String statusWord(ProviderCheck.State state) {
        return switch (state) {
            case REACHABLE -> "reachable";
            case UNREACHABLE -> "unreachable";
            case NOT_CHECKED -> "not checked";
        };
    }

    private static String statusLine(ProviderCheck.Result check) {
        return switch (check.state()) {
            case REACHABLE -> String.format(Locale.ROOT, "reachable (%d ms, %d model%s)",
                    check.latency().toMillis(), check.models(), check.models() == 1 ? "" : "s");
            case UNREACHABLE -> "unreachable: " + check.message();
            case NOT_CHECKED -> "not checked: " + check.message();
        };
    }

    private static String serverWord(dev.quire.llm.ServerKind server) {
        return switch (server) {
            case KOBOLDCPP -> "koboldcpp";
            case LLAMACPP -> "llamacpp";
            case OTHER -> "other";
        };
    }

    /** How the avoid list reaches the provider, for the kinds that take bans; null for the others. */
    private static String bansLine(ProviderProfile p, dev.quire.llm.ServerKind server) {
        if (p.kind() != ProviderKind.OPENAI && p.kind() != ProviderKind.OPENAI_COMPATIBLE) {
            return null;
        }
        if (p.kind() == ProviderKind.OPENAI_COMPATIBLE && p.bans().equals("auto")) {
            return server == null ? "automatic (the server is asked what it is before the first generation)"
                    : "automatic: " + server.displayName() + ", " + server.bansNote();
        }
        return p.bansToSend();
    }

    private static String quoted(String name) {
        return name.matches("[A-Za-z0-9._-]+") ? name : "\"" + name + "\"";
    }
}

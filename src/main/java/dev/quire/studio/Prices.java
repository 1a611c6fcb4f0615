package dev.quire.studio;

import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.model.Price;
import dev.quire.store.UsageRepository;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The price table: dated shipped defaults for the common models, under the prices the writer set. A model on the
 * writer's own machine (Ollama, a local server) is free; a model nobody priced has no price, never a made-up one.
 *
 * <p>A price is keyed by provider and model. The provider is a profile's name or its vendor ({@code anthropic},
 * {@code openai}, {@code deepseek}, {@code openrouter}); the writer's price for the profile wins over one for the vendor.
 * A model id with a date suffix ({@code claude-sonnet-4-5-20250929}) takes its family's price.
 */
public final class Prices {

    private static final List<Price> SHIPPED = load();

    private final UsageRepository repository;
    private final Function<String, Optional<ProviderProfile>> profiles;

    /** @param profiles a profile by its name, for its kind and address; empty for a profile since deleted */
    public Prices(UsageRepository repository, Function<String, Optional<ProviderProfile>> profiles) {
        this.repository = repository;
        this.profiles = profiles;
    }

    /** The shipped defaults, in the resource's order. */
    public static List<Price> shipped() {
        return SHIPPED;
    }

    /** Every price: the writer's, then the shipped ones the writer did not replace. */
    public List<Price> list() {
        List<Price> out = new ArrayList<>(repository.prices());
        for (Price p : SHIPPED) {
            if (out.stream().noneMatch(w -> w.provider().equals(p.provider()) && w.model().equals(p.model()))) {
                out.add(p);
            }
        }
        return out;
    }

    public void set(Price price) {
        repository.putPrice(price);
    }

    /** The price of a model on a profile (by name), or empty when nobody priced it. */
    public Optional<Price> find(String profileName, String model) {
        Optional<ProviderProfile> profile = profiles.apply(profileName);
        String vendor = profile.map(Prices::vendor).orElse(profileName.toLowerCase(Locale.ROOT));
        List<Price> writers = repository.prices();
        for (String provider : List.of(profileName, vendor)) {
            Optional<Price> p = match(writers, provider, model);
            if (p.isPresent()) {
                return p;
            }
        }
        Optional<Price> shipped = match(SHIPPED, vendor, model);
        if (shipped.isPresent()) {
            return shipped;
        }
        if (vendor.equals("local")) {
            return Optional.of(Price.free(profileName, model));
        }
        return Optional.empty();
    }

    /** The exact model, else the longest shipped family its id starts with ({@code claude-sonnet-4-5-2025…}). */
    private static Optional<Price> match(List<Price> prices, String provider, String model) {
        Price best = null;
        for (Price p : prices) {
            if (!p.provider().equalsIgnoreCase(provider)) {
                continue;
            }
            if (p.model().equals(model)) {
                return Optional.of(p);
            }
            if (model.startsWith(p.model() + "-") && (best == null || p.model().length() > best.model().length())) {
                best = p;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whom a profile's requests are billed by: a vendor's name, {@code local} for the writer's machine, or its name. */
    public static String vendor(ProviderProfile profile) {
        String host = host(profile.baseUrl());
        if (profile.kind() == ProviderKind.ANTHROPIC) {
            return "anthropic";
        }
        if (profile.kind() == ProviderKind.OPENAI) {
            return "openai";
        }
        if (profile.kind() == ProviderKind.OLLAMA || ProviderProfile.isLocalHost(host)) {
            return "local";
        }
        if (host.endsWith("deepseek.com")) {
            return "deepseek";
        }
        if (host.endsWith("openrouter.ai")) {
            return "openrouter";
        }
        if (host.endsWith("openai.com")) {
            return "openai";
        }
        return profile.name().toLowerCase(Locale.ROOT);
    }

    private static String host(String url) {
        try {
            String h = URI.create(url).getHost();
            return h == null ? "" : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static List<Price> load() {
        List<Price> out = new ArrayList<>();
        try (InputStream in = Prices.class.getResourceAsStream("prices.tsv")) {
            if (in == null) {
                throw new IllegalStateException("missing resource prices.tsv");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                out.add(new Price(f[0], f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]), number(f[4]),
                        number(f[5]), number(f[6]), f[7], f[8], false));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }

    private static Double number(String s) {
        return s.isBlank() ? null : Double.valueOf(s);
    }
}

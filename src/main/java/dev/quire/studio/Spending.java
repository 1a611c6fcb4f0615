package dev.quire.studio;

import dev.quire.model.Price;
import dev.quire.model.RequestUsage;
import dev.quire.model.TokenUsage;
import dev.quire.store.UsageRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a library's requests used and cost: added up per model, per day and per story, priced by {@link Prices}, with
 * what the prompt cache saved; today's and a story's spend; and the writer's budget caps.
 */
public final class Spending {

    /** The currency totals are counted in; prices in another are left out of them. */
    public static final String CURRENCY = "USD";
    static final String DAILY_CAP = "budget.daily";
    static final String STORY_CAP = "budget.story.";

    private final Studio studio;
    private final UsageRepository usage;
    private final Prices prices;

    Spending(Studio studio) {
        this.studio = studio;
        this.usage = new UsageRepository(studio.database());
        this.prices = new Prices(usage, name -> studio.providers().find(name));
    }

    public Prices prices() {
        return prices;
    }

    /**
     * One line of a report: tokens and their cost. {@code cost} is null when no request in it had a price;
     * {@code saving} what the prompt cache saved against sending every input token uncached (negative when writes
     * cost more than reads saved); {@code unpriced} the requests whose model has no price.
     */
    public record Line(String key, String provider, String model, TokenUsage tokens, Double cost, double saving,
                       long unpriced, String currency) {
    }

    /** Everything since a day, for one story or all: totals, by model, by day, by story. */
    public record Report(Line total, List<Line> byModel, List<Line> byDay, List<Line> byStory) {
    }

    /**
     * @param storyId null for every story
     * @param since   null for all time; else from the start of that day, here
     */
    public Report report(Long storyId, LocalDate since) {
        Instant from = since == null ? null : since.atStartOfDay(ZoneId.systemDefault()).toInstant();
        List<RequestUsage> requests = usage.requests(storyId, from);
        Map<String, Acc> byModel = new TreeMap<>();
        Map<String, Acc> byDay = new TreeMap<>();
        Map<String, Acc> byStory = new LinkedHashMap<>();
        Acc total = new Acc("total", null, null);
        Map<String, Optional<Price>> priceOf = new java.util.HashMap<>();
        for (RequestUsage r : requests) {
            Optional<Price> price = priceOf.computeIfAbsent(r.provider() + "\u0000" + r.model(),
                    k -> prices.find(r.provider(), r.model()));
            String day = LocalDate.ofInstant(r.at(), ZoneId.systemDefault()).toString();
            total.add(r, price);
            byModel.computeIfAbsent(r.provider() + " " + r.model(), k -> new Acc(k, r.provider(), r.model()))
                    .add(r, price);
            byDay.computeIfAbsent(day, k -> new Acc(k, null, null)).add(r, price);
            byStory.computeIfAbsent(Long.toString(r.storyId()), k -> new Acc(k, null, null)).add(r, price);
        }
        return new Report(total.line(), lines(byModel), lines(byDay), lines(byStory));
    }

    private static List<Line> lines(Map<String, Acc> accs) {
        List<Line> out = new ArrayList<>();
        for (Acc a : accs.values()) {
            out.add(a.line());
        }
        return out;
    }

    /**
     * What a generation's requests used and cost, per variant index; a variant's cost is null when its model has no
     * price, and the total is null when none of them has.
     */
    public record GenerationCost(Map<Integer, TokenUsage> tokens, Map<Integer, Double> cost, TokenUsage totalTokens,
                                 Double total, String currency) {
    }

    public GenerationCost generation(long generationId) {
        Map<Integer, TokenUsage> tokens = new TreeMap<>();
        Map<Integer, Double> cost = new TreeMap<>();
        TokenUsage all = TokenUsage.ZERO;
        Double total = null;
        for (Map.Entry<Integer, RequestUsage> e : usage.forGenerationRequests(generationId)) {
            RequestUsage r = e.getValue();
            tokens.merge(e.getKey(), r.tokens(), TokenUsage::plus);
            all = all.plus(r.tokens());
            Optional<Price> price = prices.find(r.provider(), r.model());
            if (price.isPresent()) {
                double c = r.cost(price.get());
                cost.merge(e.getKey(), c, Double::sum);
                total = total == null ? c : total + c;
            }
        }
        return new GenerationCost(tokens, cost, all, total, CURRENCY);
    }

    /**
     * What a send would cost, before it is sent: the prompt in for each variant, up to the output limit out.
     *
     * @param cost       at most, with every variant's prompt uncached; null when the model has no price
     * @param withCache  the same when the first variant writes the prompt cache and the others read it
     */
    public record Estimate(String text, int promptTokens, int variants, int maxOutput, Double cost, Double withCache) {
    }

    /** @param profileName null for the story's provider */
    public Estimate estimate(long storyId, String profileName, String model, int promptTokens, int variants) {
        String name = profileName != null ? profileName : studio.providers().storyProfileName(storyId)
                .or(() -> studio.providers().defaultProfileName()).orElse(null);
        Optional<dev.quire.llm.ProviderProfile> profile = name == null ? Optional.empty()
                : studio.providers().find(name);
        if (profile.isEmpty()) {
            // nothing can be sent yet: the panel says so itself
            return new Estimate("", promptTokens, variants, 0, null, null);
        }
        String m = model != null && !model.isBlank() ? model.strip()
                : profile.map(dev.quire.llm.ProviderProfile::defaultModel).orElse("");
        int out = profile.map(dev.quire.llm.ProviderProfile::maxOutputTokens).orElse(0);
        Optional<Price> price = name == null ? Optional.empty() : prices.find(profile.map(
                dev.quire.llm.ProviderProfile::name).orElse(name), m);
        String head = "≈ " + shortTokens(promptTokens) + " tokens in, " + (variants > 1 ? variants + " × " : "")
                + "up to " + shortTokens(out) + " out";
        if (price.isEmpty()) {
            return new Estimate(head + "; no price known for " + (m.isEmpty() ? "this model" : m), promptTokens,
                    variants, out, null, null);
        }
        Price p = price.get();
        double outputs = (double) variants * out * p.output() / 1_000_000;
        double plain = (double) variants * promptTokens * p.input() / 1_000_000 + outputs;
        boolean oneHour = profile.map(dev.quire.llm.ProviderProfile::oneHourCache).orElse(false);
        double write = oneHour && p.cacheWrite1h() != null ? p.cacheWrite1h()
                : p.cacheWrite() != null ? p.cacheWrite() : p.input();
        double read = p.cacheRead() != null ? p.cacheRead() : p.input();
        double cached = (promptTokens * write + (double) (variants - 1) * promptTokens * read) / 1_000_000 + outputs;
        String text = head + ", ≤ " + money(plain) + (cached < plain ? "; ≤ " + money(cached) + " with cache" : "");
        return new Estimate(text, promptTokens, variants, out, plain, cached);
    }

    private static String shortTokens(long n) {
        return n < 1_000 ? Long.toString(n) : n < 1_000_000 ? String.format(java.util.Locale.ROOT, "%.1fK", n / 1e3)
                : String.format(java.util.Locale.ROOT, "%.1fM", n / 1e6);
    }

    /** What the request that wrote a conversation reply used, and its cost (null when its model has no price). */
    public Optional<Map.Entry<TokenUsage, Double>> reply(long messageId) {
        return usage.requestForMessage(messageId).map(r -> {
            Double cost = prices.find(r.provider(), r.model()).map(r::cost).orElse(null);
            return new java.util.AbstractMap.SimpleImmutableEntry<>(r.tokens(), cost);
        });
    }

    /** The price of a model on a profile, if anyone priced it. */
    public Optional<Price> price(String profileName, String model) {
        return prices.find(profileName, model);
    }

    /** Today's spend over every story, in {@link #CURRENCY}; null when nothing priced was sent today. */
    public Double today() {
        return report(null, LocalDate.now()).total().cost();
    }

    /** A story's spend over all time; null when nothing priced was sent for it. */
    public Double story(long storyId) {
        return report(storyId, null).total().cost();
    }

    // ---- budget caps ----

    public Optional<Double> dailyCap() {
        return studio.settings().get(DAILY_CAP).map(Double::valueOf);
    }

    public Optional<Double> storyCap(long storyId) {
        return studio.settings().get(STORY_CAP + storyId).map(Double::valueOf);
    }

    /** Sets or (null) clears the daily cap. */
    public void setDailyCap(Double amount) {
        setCap(DAILY_CAP, amount);
    }

    public void setStoryCap(long storyId, Double amount) {
        setCap(STORY_CAP + storyId, amount);
    }

    private void setCap(String key, Double amount) {
        if (amount == null) {
            studio.settings().delete(key);
        } else if (amount < 0) {
            throw new IllegalArgumentException("A budget cannot be negative.");
        } else {
            studio.settings().put(key, Double.toString(amount));
        }
    }

    /**
     * What the writer should read before a request estimated to cost {@code estimate} is sent, when it would pass a
     * cap; empty when it passes none (or no cap is set).
     */
    public Optional<String> capWarning(long storyId, double estimate) {
        Optional<Double> daily = dailyCap();
        if (daily.isPresent()) {
            double spent = orZero(today());
            if (spent + estimate > daily.get()) {
                return Optional.of(String.format(java.util.Locale.ROOT,
                        "This would pass today's budget: %s spent of %s, and this request is about %s.",
                        money(spent), money(daily.get()), money(estimate)));
            }
        }
        Optional<Double> story = storyCap(storyId);
        if (story.isPresent()) {
            double spent = orZero(story(storyId));
            if (spent + estimate > story.get()) {
                return Optional.of(String.format(java.util.Locale.ROOT,
                        "This would pass the story's budget: %s spent of %s, and this request is about %s.",
                        money(spent), money(story.get()), money(estimate)));
            }
        }
        return Optional.empty();
    }

    private static double orZero(Double d) {
        return d == null ? 0 : d;
    }

    /** {@code $0.14}; below a cent, {@code $0.0042}. */
    public static String money(double amount) {
        if (amount != 0 && Math.abs(amount) < 0.01) {
            return String.format(java.util.Locale.ROOT, "$%.4f", amount);
        }
        return String.format(java.util.Locale.ROOT, "$%.2f", amount);
    }

    /** Adds up tokens and, where priced, cost. */
    private static final class Acc {
        final String key;
        final String provider;
        final String model;
        TokenUsage tokens = TokenUsage.ZERO;
        double cost;
        double saving;
        long priced;
        long unpriced;

        Acc(String key, String provider, String model) {
            this.key = key;
            this.provider = provider;
            this.model = model;
        }

        void add(RequestUsage r, Optional<Price> price) {
            TokenUsage t = r.tokens();
            tokens = tokens.plus(t);
            if (price.isPresent() && price.get().currency().equals(CURRENCY)) {
                Price p = price.get();
                double c = r.cost(p);
                cost += c;
                saving += p.cost(t.input(), t.output(), 0, 0, false) - c;
                priced++;
            } else {
                unpriced++;
            }
        }

        Line line() {
            return new Line(key, provider, model, tokens, priced == 0 ? null : cost, saving, unpriced, CURRENCY);
        }
    }
}

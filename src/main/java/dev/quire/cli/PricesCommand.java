package dev.quire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.quire.model.Price;
import dev.quire.studio.Studio;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "prices", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "List or set what models cost, per million tokens. Quire ships dated prices for the common models; "
                        + "yours win over them. A model on your own machine (Ollama, a local server) is free; a "
                        + "model nobody priced shows tokens without a cost.",
                "",
                "PROVIDER is a provider's name as `quire providers` lists it, or a vendor: anthropic, openai, "
                        + "deepseek, openrouter.",
                ""},
        subcommands = {PricesCommand.List.class, PricesCommand.Set.class},
        footerHeading = "%n",
        footer = "Exit codes: 0 done, 2 bad options, 3 the library cannot be used, 1 anything else.")
final class PricesCommand implements Callable<Integer> {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParentCommand
    QuireCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Say `quire prices list` or "
                + "`quire prices set PROVIDER MODEL --input X --output Y`.");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every price, yours first.")
    static final class List implements Callable<Integer> {
        @ParentCommand
        PricesCommand prices;

        @Mixin
        LibraryOptions library;

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print the prices as JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            try (Studio studio = library.orElse(prices.parent.library).open(prices.parent.env)) {
                PrintWriter out = spec.commandLine().getOut();
                java.util.List<Price> all = studio.spending().prices().list();
                if (json) {
                    ArrayNode array = MAPPER.createArrayNode();
                    for (Price p : all) {
                        array.addObject().put("provider", p.provider()).put("model", p.model())
                                .put("input", p.input()).put("output", p.output()).put("cache_write", p.cacheWrite())
                                .put("cache_read", p.cacheRead()).put("cache_write_1h", p.cacheWrite1h())
                                .put("currency", p.currency()).put("as_of", p.asOf())
                                .put("source", p.writers() ? "yours" : "shipped");
                    }
                    out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(array));
                    return 0;
                }
                out.println("Per million tokens: input, output, cache write (1 hour), cache read.");
                for (Price p : all) {
                    out.printf(Locale.ROOT, "  %-12s %-22s %7.3f %7.3f %7s (%s) %7s %s  %s, %s%n", p.provider(),
                            p.model(), p.input(), p.output(), num(p.cacheWrite()), num(p.cacheWrite1h()),
                            num(p.cacheRead()), p.currency(), p.writers() ? "yours" : "shipped", "as of " + p.asOf());
                }
                return 0;
            }
        }

        private static String num(Double d) {
            return d == null ? "-" : String.format(Locale.ROOT, "%.3f", d);
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Set what a model costs, per million tokens; yours wins over the shipped price.")
    static final class Set implements Callable<Integer> {
        @ParentCommand
        PricesCommand prices;

        @Mixin
        LibraryOptions library;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PROVIDER")
        String provider;

        @Parameters(index = "1", paramLabel = "MODEL")
        String model;

        @Option(names = "--input", required = true, paramLabel = "X", description = "Per million input tokens.")
        double input;

        @Option(names = "--output", required = true, paramLabel = "Y", description = "Per million output tokens.")
        double output;

        @Option(names = "--cache-write", paramLabel = "Z", description = "Per million tokens written to the cache.")
        Double cacheWrite;

        @Option(names = "--cache-read", paramLabel = "W", description = "Per million tokens read from the cache.")
        Double cacheRead;

        @Option(names = "--cache-write-1h", paramLabel = "V",
                description = "Per million tokens written to the 1-hour cache.")
        Double cacheWrite1h;

        @Option(names = "--currency", paramLabel = "CODE", defaultValue = "USD", description = "Default: USD.")
        String currency;

        @Override
        public Integer call() {
            CommandLine cmd = spec.commandLine();
            Price price;
            try {
                price = new Price(provider.strip(), model.strip(), input, output, cacheWrite, cacheRead, cacheWrite1h,
                        currency, LocalDate.now().toString(), true);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cmd, e.getMessage());
            }
            try (Studio studio = library.orElse(prices.parent.library).open(prices.parent.env)) {
                studio.spending().prices().set(price);
                cmd.getOut().printf(Locale.ROOT, "%s %s now costs %s in, %s out per million tokens.%n",
                        price.provider(), price.model(), money(price.input(), price.currency()),
                        money(price.output(), price.currency()));
                return 0;
            }
        }

        private static String money(double d, String currency) {
            return currency.equals("USD") ? String.format(Locale.ROOT, "$%.2f", d)
                    : String.format(Locale.ROOT, "%.2f %s", d, currency);
        }
    }
}

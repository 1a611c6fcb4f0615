package dev.quire.cli;

import dev.quire.studio.Column;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code --column} of {@code quire generate}: comma-separated {@code key=value} pairs. An instruction given as
 * a value may itself hold commas: the keys {@code instruction} and {@code instruction+} take the rest of the value
 * up to the next {@code ,key=} of a known key.
 */
final class ColumnSpec {

    static final List<String> KEYS = List.of("profile", "provider", "base-url", "model", "temperature",
            "instruction", "instruction+");

    private ColumnSpec() {
    }

    /**
     * The column that {@code spec} describes; its unset keys are left null, for the command's own flags.
     *
     * @param label "A", "B"… for the messages
     * @throws IllegalArgumentException naming the column and what is wrong with it
     */
    static Column parse(String spec, String label) {
        Map<String, String> values = pairs(spec, label);
        String provider = values.get("provider");
        String profile = values.get("profile");
        if (provider != null && profile != null && !provider.equals(profile)) {
            throw new IllegalArgumentException(where(label, spec) + "names both profile=" + profile + " and provider="
                    + provider + ": give one.");
        }
        Double temperature = null;
        if (values.containsKey("temperature")) {
            try {
                temperature = Double.valueOf(values.get("temperature"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where(label, spec) + "temperature must be a number from 0 to 2, "
                        + "not “" + values.get("temperature") + "”.");
            }
        }
        if (values.containsKey("instruction") && values.containsKey("instruction+")) {
            throw new IllegalArgumentException(where(label, spec) + "give instruction= (a replacement) or "
                    + "instruction+= (an addition), not both.");
        }
        Column.Instruction mode = values.containsKey("instruction") ? Column.Instruction.REPLACE
                : values.containsKey("instruction+") ? Column.Instruction.ADD : Column.Instruction.SAME;
        String text = values.containsKey("instruction") ? values.get("instruction") : values.get("instruction+");
        try {
            return new Column(profile != null ? profile : provider, values.get("base-url"), values.get("model"),
                    temperature, mode, text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where(label, spec) + e.getMessage(), e);
        }
    }

    private static Map<String, String> pairs(String spec, String label) {
        Map<String, String> values = new LinkedHashMap<>();
        String rest = spec.strip();
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(where(label, spec) + "is empty: give key=value pairs, such as "
                    + "provider=openai,model=gpt-4o.");
        }
        while (!rest.isEmpty()) {
            int eq = rest.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(where(label, spec) + "“" + rest + "” is not key=value. The keys are "
                        + String.join(", ", KEYS) + ".");
            }
            String key = rest.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(where(label, spec) + "has no key “" + key + "”. The keys are "
                        + String.join(", ", KEYS) + ".");
            }
            if (values.containsKey(key)) {
                throw new IllegalArgumentException(where(label, spec) + "gives " + key + " twice.");
            }
            String after = rest.substring(eq + 1);
            int end = nextKey(after, key.startsWith("instruction"));
            values.put(key, after.substring(0, end).strip());
            rest = end < after.length() ? after.substring(end + 1).strip() : "";
        }
        return values;
    }

    /** Where the value starting {@code s} ends: at the next comma, or for an instruction at the next ",key=". */
    private static int nextKey(String s, boolean instruction) {
        int from = 0;
        while (true) {
            int comma = s.indexOf(',', from);
            if (comma < 0) {
                return s.length();
            }
            if (!instruction) {
                return comma;
            }
            String next = s.substring(comma + 1).stripLeading();
            int eq = next.indexOf('=');
            if (eq > 0 && KEYS.contains(next.substring(0, eq).strip().toLowerCase(Locale.ROOT))) {
                return comma;
            }
            from = comma + 1;
        }
    }

    private static String where(String label, String spec) {
        return "--column " + label + " (" + spec + ") ";
    }
}

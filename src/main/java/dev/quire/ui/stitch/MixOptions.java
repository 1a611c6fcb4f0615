package dev.quire.ui.stitch;

import dev.quire.studio.Column;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * The generate panel's Mix: one row per column, each with its own provider profile, model, temperature and
 * instruction (the set's, the set's with an addition, or a replacement). Off, the panel asks for "N variants" of one
 * request as before. Blind mode hides which model wrote which column until the writer accepts.
 */
public final class MixOptions {

    /** One column's row. Empty fields take the panel's own. */
    public static final class Row {
        private final StringProperty provider = new SimpleStringProperty(this, "provider");
        private final StringProperty model = new SimpleStringProperty(this, "model", "");
        private final ObjectProperty<Double> temperature = new SimpleObjectProperty<>(this, "temperature");
        private final ObjectProperty<Column.Instruction> instruction =
                new SimpleObjectProperty<>(this, "instruction", Column.Instruction.SAME);
        private final StringProperty text = new SimpleStringProperty(this, "text", "");

        public Row() {
        }

        Row(String provider, String model, Column.Instruction instruction, String text) {
            this.provider.set(provider);
            this.model.set(model == null ? "" : model);
            this.instruction.set(instruction == null ? Column.Instruction.SAME : instruction);
            this.text.set(text == null ? "" : text);
        }

        /** A profile name; null for the panel's provider. */
        public StringProperty providerProperty() {
            return provider;
        }

        /** Empty for the panel's model. */
        public StringProperty modelProperty() {
            return model;
        }

        /** Null for the panel's temperature. */
        public ObjectProperty<Double> temperatureProperty() {
            return temperature;
        }

        public ObjectProperty<Column.Instruction> instructionProperty() {
            return instruction;
        }

        /** The addition or the replacement. */
        public StringProperty textProperty() {
            return text;
        }

        /**
         * The column this row asks for.
         *
         * @throws IllegalArgumentException when an addition or a replacement is empty
         */
        Column column() {
            Column.Instruction mode = instruction.get();
            if (mode != Column.Instruction.SAME && text.get().isBlank()) {
                mode = Column.Instruction.SAME;
            }
            return new Column(provider.get(), null, model.get(), temperature.get(), mode, text.get());
        }
    }

    private final BooleanProperty on = new SimpleBooleanProperty(this, "on");
    private final BooleanProperty blind = new SimpleBooleanProperty(this, "blind");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();

    MixOptions() {
        sameRequest(3);
    }

    /** Whether the panel asks for a mixed set, one request per row. */
    public BooleanProperty onProperty() {
        return on;
    }

    /** Whether the columns' headers hide their providers and models until Accept; remembered. */
    public BooleanProperty blindProperty() {
        return blind;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /**
     * The columns the rows ask for, in order.
     *
     * @throws IllegalArgumentException when a row's temperature is out of range
     */
    public List<Column> columns() {
        List<Column> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.column()));
        return out;
    }

    // ---- presets ----

    /** The same request, N times: today's "N variants" as rows. */
    public void sameRequest(int n) {
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Row());
        }
        rows.setAll(out);
    }

    /** The same instruction, to each of the chosen provider profiles. */
    public void acrossProviders(List<String> providers) {
        List<Row> out = new ArrayList<>();
        for (String p : providers) {
            out.add(new Row(p, "", Column.Instruction.SAME, ""));
        }
        rows.setAll(out);
    }

    /** N wordings on one provider and model: the first the set's, the others additions to fill in. */
    public void wordings(int n, String provider, String model) {
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Row(provider, model, i == 0 ? Column.Instruction.SAME : Column.Instruction.ADD, ""));
        }
        rows.setAll(out);
    }

    public void addRow() {
        if (rows.size() < dev.quire.llm.ChatRequest.MAX_VARIANTS) {
            rows.add(new Row());
        }
    }

    public void removeRow(Row row) {
        if (rows.size() > 1) {
            rows.remove(row);
        }
    }

    // ---- remembered per story, as one line of text ----

    /** The rows as the settings keep them: one line per row, fields separated by tabs. */
    String encode() {
        StringBuilder sb = new StringBuilder(on.get() ? "on" : "off");
        for (Row r : rows) {
            sb.append('\n').append(field(r.provider.get())).append('\t').append(field(r.model.get())).append('\t')
                    .append(r.temperature.get() == null ? "" : r.temperature.get()).append('\t')
                    .append(r.instruction.get().name()).append('\t').append(field(r.text.get()));
        }
        return sb.toString();
    }

    /** Restores what {@link #encode} kept; anything unreadable leaves the mix as it is. */
    void decode(String kept) {
        if (kept == null || kept.isBlank()) {
            return;
        }
        String[] lines = kept.split("\n");
        List<Row> out = new ArrayList<>();
        try {
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split("\t", -1);
                Row r = new Row(f[0].isEmpty() ? null : f[0], f[1], Column.Instruction.valueOf(f[3]), f[4]);
                r.temperature.set(f[2].isEmpty() ? null : Double.valueOf(f[2]));
                out.add(r);
            }
        } catch (RuntimeException e) {
            return;
        }
        if (!out.isEmpty()) {
            rows.setAll(out);
        }
        on.set(lines[0].equals("on"));
    }

    private static String field(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ');
    }
}

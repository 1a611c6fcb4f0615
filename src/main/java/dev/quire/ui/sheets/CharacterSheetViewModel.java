package dev.quire.ui.sheets;

import dev.quire.model.CharacterSheet;
import dev.quire.model.CharacterSheet.Field;
import dev.quire.model.Fact;
import dev.quire.model.PlayedBy;
import dev.quire.studio.Studio;
import dev.quire.ui.common.AutosavingViewModel;
import dev.quire.ui.common.Background;
import dev.quire.ui.common.SaveStatus;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** A character sheet being edited; saved as a whole, with its facts, by the autosaver. */
public final class CharacterSheetViewModel extends AutosavingViewModel<CharacterSheetViewModel.Draft> {

    /** One fact row. Its stored id is tracked by the save thread, so a new fact is inserted once. */
    public static final class FactRow {
        private final StringProperty text = new SimpleStringProperty(this, "text", "");
        private final Long sourceMessageId;
        private final long loadedId;

        FactRow(String text, Long sourceMessageId, long loadedId) {
            this.text.set(text);
            this.sourceMessageId = sourceMessageId;
            this.loadedId = loadedId;
        }

        public StringProperty textProperty() {
            return text;
        }

        public boolean hasSource() {
            return sourceMessageId != null;
        }

        public Long sourceMessageId() {
            return sourceMessageId;
        }
    }

    /** A sheet as of one moment, with the rows its facts came from. */
    public record Draft(CharacterSheet sheet, List<FactRow> rows) {
    }

    private final Studio studio;
    private final CharacterSheet loaded;
    private final BiConsumer<Long, String> renamed;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty aliases = new SimpleStringProperty(this, "aliases", "");
    private final Map<Field, StringProperty> fields = new EnumMap<>(Field.class);
    private final ObjectProperty<PlayedBy> playedBy = new SimpleObjectProperty<>(this, "playedBy", PlayedBy.MODEL);
    private final ObservableList<FactRow> facts = FXCollections.observableArrayList(
            row -> new javafx.beans.Observable[] {row.textProperty()});

    private final ObjectProperty<FactRow> pinned = new SimpleObjectProperty<>(this, "pinned");

    /** Written only on the save thread: ids the library gave to rows that were new. */
    private final Map<FactRow, Long> savedIds = new IdentityHashMap<>();

    public CharacterSheetViewModel(Studio studio, Background background, SaveStatus status, CharacterSheet sheet,
                                   BiConsumer<Long, String> renamed) {
        super(background, status);
        this.studio = studio;
        this.loaded = sheet;
        this.renamed = renamed;
        for (Field f : Field.values()) {
            fields.put(f, new SimpleStringProperty(this, f.name(), ""));
        }
        loading(() -> {
            name.set(sheet.name());
            aliases.set(String.join(", ", sheet.aliases()));
            for (Field f : Field.values()) {
                fields.get(f).set(sheet.get(f));
            }
            playedBy.set(sheet.playedBy());
            for (Fact fact : sheet.facts()) {
                facts.add(new FactRow(fact.text(), fact.sourceMessageId(), fact.id()));
            }
        });
        name.addListener((o, a, b) -> changed());
        aliases.addListener((o, a, b) -> changed());
        fields.values().forEach(p -> p.addListener((o, a, b) -> changed()));
        playedBy.addListener((o, a, b) -> changed());
        facts.addListener((ListChangeListener<FactRow>) c -> changed());
    }

    public FactRow addFact() {
        FactRow row = new FactRow("", null, 0);
        facts.add(row);
        return row;
    }

    public void removeFact(FactRow row) {
        facts.remove(row);
    }

    /**
     * A fact pinned from a conversation while the sheet is open, as the library now holds it: added in place
     * (not an edit to save again), and marked as the newest pin.
     */
    public void factPinned(Fact fact) {
        loading(() -> {
            FactRow row = new FactRow(fact.text(), fact.sourceMessageId(), fact.id());
            facts.add(row);
            pinned.set(row);
        });
    }

    /** A passage pinned into a field while the sheet is open: the field takes the library's text. */
    public void fieldPinned(Field field, String stored) {
        loading(() -> fields.get(field).set(stored));
    }

    /** The fact pinned last while the sheet was open, shown marked; null when none. */
    public ObjectProperty<FactRow> pinnedProperty() {
        return pinned;
    }

    @Override
    protected Draft snapshot() {
        CharacterSheet sheet = loaded.withName(name.get().isBlank() ? loaded.name() : name.get().strip())
                .withAliases(Form.list(aliases.get())).withPlayedBy(playedBy.get());
        for (Field f : Field.values()) {
            sheet = sheet.with(f, fields.get(f).get());
        }
        List<FactRow> rows = new ArrayList<>();
        for (FactRow row : facts) {
            if (!row.text.get().isBlank()) {
                rows.add(row);
            }
        }
        List<Fact> list = new ArrayList<>();
        for (FactRow row : rows) {
            list.add(new Fact(row.loadedId, row.text.get().strip(), row.sourceMessageId));
        }
        return new Draft(sheet.withFacts(list), rows);
    }

    @Override
    protected void save(Draft draft) {
        List<Fact> withIds = new ArrayList<>();
        for (int i = 0; i < draft.rows().size(); i++) {
            Fact f = draft.sheet().facts().get(i);
            long id = f.id() > 0 ? f.id() : savedIds.getOrDefault(draft.rows().get(i), 0L);
            withIds.add(new Fact(id, f.text(), f.sourceMessageId()));
        }
        CharacterSheet saved = studio.characters().update(draft.sheet().withFacts(withIds));
        for (int i = 0; i < draft.rows().size(); i++) {
            savedIds.put(draft.rows().get(i), saved.facts().get(i).id());
        }
        renamed.accept(saved.id(), saved.name());
    }

    public long characterId() {
        return loaded.id();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty aliasesProperty() {
        return aliases;
    }

    public StringProperty field(Field f) {
        return fields.get(f);
    }

    public ObjectProperty<PlayedBy> playedByProperty() {
        return playedBy;
    }

    public ObservableList<FactRow> facts() {
        return facts;
    }
}

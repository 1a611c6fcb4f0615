package dev.quire.ui.sheets;

import dev.quire.model.StoryMetadata;
import dev.quire.model.WordRounding;
import dev.quire.studio.Studio;
import dev.quire.ui.common.AutosavingViewModel;
import dev.quire.ui.common.Background;
import dev.quire.ui.common.SaveStatus;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Who the story is by and how to reach them, as exports print it; autosaved like the bible beside it. */
public final class StoryMetadataViewModel extends AutosavingViewModel<StoryMetadata> {

    private final Studio studio;
    private final long storyId;
    private boolean loaded;

    private final StringProperty author = new SimpleStringProperty(this, "author", "");
    private final StringProperty penName = new SimpleStringProperty(this, "penName", "");
    private final StringProperty contact = new SimpleStringProperty(this, "contact", "");
    private final StringProperty email = new SimpleStringProperty(this, "email", "");
    private final StringProperty agent = new SimpleStringProperty(this, "agent", "");
    private final StringProperty shortTitle = new SimpleStringProperty(this, "shortTitle", "");
    private final ObjectProperty<WordRounding> rounding =
            new SimpleObjectProperty<>(this, "rounding", WordRounding.CONVENTION);

    public StoryMetadataViewModel(Studio studio, Background background, SaveStatus status, long storyId) {
        super(background, status);
        this.studio = studio;
        this.storyId = storyId;
        for (StringProperty p : new StringProperty[] {author, penName, contact, email, agent, shortTitle}) {
            p.addListener((o, a, b) -> changed());
        }
        rounding.addListener((o, a, b) -> changed());
        background.read(() -> studio.metadata().of(storyId)).onSuccess(m -> {
            loading(() -> {
                author.set(m.author());
                penName.set(m.penName());
                contact.set(m.contact());
                email.set(m.email());
                agent.set(m.agent());
                shortTitle.set(m.shortTitle());
                rounding.set(m.rounding());
            });
            loaded = true;
        }).describedAs("Quire could not read the story's author and contact").start();
    }

    @Override
    protected boolean canSave() {
        return loaded;
    }

    @Override
    protected StoryMetadata snapshot() {
        return new StoryMetadata(author.get(), penName.get(), contact.get(), email.get(), agent.get(), rounding.get(),
                shortTitle.get());
    }

    @Override
    protected void save(StoryMetadata value) {
        studio.metadata().set(storyId, value);
    }

    public StringProperty authorProperty() {
        return author;
    }

    public StringProperty penNameProperty() {
        return penName;
    }

    public StringProperty contactProperty() {
        return contact;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty agentProperty() {
        return agent;
    }

    public StringProperty shortTitleProperty() {
        return shortTitle;
    }

    public ObjectProperty<WordRounding> roundingProperty() {
        return rounding;
    }
}

package org.cruddur.console.ui.userdetails;

import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.users.DirectoryEntry;
import org.cruddur.console.service.users.DirectoryProblem;
import org.cruddur.console.service.users.DirectorySource;
import org.cruddur.console.ui.composer.ComposerViewModel;
import org.cruddur.console.ui.inbox.InboxViewModel;

/**
 * The details pane: one person as the user directory merged them (table uuid, handle, name, email, Cognito record),
 * where that came from, what does not add up, and what the directory could not read. From here support staff open
 * the person's conversations or start one with them.
 */
public final class UserDetailsViewModel {

    private final InboxViewModel inbox;
    private final ComposerViewModel composer;
    private final ObjectProperty<DirectoryEntry> person = new SimpleObjectProperty<>(this, "person");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final StringBinding title;
    private final StringBinding banner;
    private final BooleanBinding canOpenConversations;
    private final StringBinding whyNotOpen;
    private final BooleanBinding canStartConversation;
    private final StringBinding whyNotStart;

    public UserDetailsViewModel(InboxViewModel inbox, ComposerViewModel composer) {
        this.inbox = inbox;
        this.composer = composer;
        person.bind(inbox.selectedPersonProperty());
        person.addListener((obs, was, now) -> problems.setAll(now == null ? List.of()
                : now.problems().stream().map(UserDetailsViewModel::readable).toList()));
        title = Bindings.createStringBinding(() -> person.get() == null ? "Pick a person on the left" : person.get().label(), person);
        banner = Bindings.createStringBinding(() -> {
            if (!inbox.directoryLoadedProperty().get()) {
                return "Seed users only so far: the table's people and Cognito are still being read…";
            }
            return inbox.directoryNotes().isEmpty() ? null : String.join("  ·  ", inbox.directoryNotes());
        }, inbox.directoryLoadedProperty(), inbox.directoryNotes());
        canOpenConversations = Bindings.createBooleanBinding(() -> whyNotOpen() == null, person, inbox.selectedUserProperty());
        whyNotOpen = Bindings.createStringBinding(this::whyNotOpen, person, inbox.selectedUserProperty());
        canStartConversation = Bindings.createBooleanBinding(() -> whyNotStart() == null, person, composer.senderProperty());
        whyNotStart = Bindings.createStringBinding(this::whyNotStart, person, composer.senderProperty());
    }

    /** A problem as a sentence people read: what kind of mismatch, then the directory's explanation. */
    static String readable(DirectoryProblem problem) {
        String kind = switch (problem.kind()) {
            case NOT_IN_COGNITO -> "Not in Cognito";
            case NEVER_MESSAGED -> "Never messaged";
            case HANDLE_CASE_DIFFERS -> "Handle differs in case";
            case MISSING_ATTRIBUTE -> "Missing attribute";
            case DUPLICATE_HANDLE -> "Duplicate handle in Cognito";
            case COGNITO_ID_MISMATCH -> "Cognito id mismatch";
        };
        return kind + ": " + problem.message();
    }

    private String whyNotOpen() {
        DirectoryEntry p = person.get();
        if (p == null) {
            return "Pick a person first";
        }
        if (p.userUuid() == null) {
            return "Only in Cognito: no conversation in the table names them, so they have no inbox";
        }
        return null;
    }

    private String whyNotStart() {
        DirectoryEntry p = person.get();
        ChatUser sender = composer.senderProperty().get();
        if (p == null) {
            return "Pick a person first";
        }
        if (p.userUuid() == null) {
            return "Only in Cognito: they have no user uuid in the table to send to (the seed users file can give them one)";
        }
        if (sender == null) {
            return "Open someone's conversations first: the composer writes as that person";
        }
        if (sender.uuid().equals(p.userUuid())) {
            return "The composer writes as this person: open someone else's conversations to write to them";
        }
        return null;
    }

    /** Shows the person's conversations in the inbox (the composer then writes as them). */
    public void openConversations() {
        DirectoryEntry p = person.get();
        if (p != null) {
            p.chatUser().ifPresent(inbox::openConversations);
        }
    }

    /** Prepares the composer to write to this person (pattern C, or D when the pair already talks). */
    public boolean startConversation() {
        if (!canStartConversation.get()) {
            return false;
        }
        person.get().chatUser().ifPresent(composer.recipientProperty()::set);
        return true;
    }

    private StringBinding field(Function<DirectoryEntry, String> read) {
        return Bindings.createStringBinding(() -> {
            DirectoryEntry p = person.get();
            String value = p == null ? null : read.apply(p);
            return value == null || value.isBlank() ? "—" : value;
        }, person);
    }

    public StringBinding userUuid() {
        return field(p -> p.userUuid() == null ? "(none: only in Cognito)" : p.userUuid());
    }

    public StringBinding handle() {
        return field(p -> p.handle() == null ? null : "@" + p.handle());
    }

    public StringBinding displayName() {
        return field(DirectoryEntry::displayName);
    }

    public StringBinding email() {
        return field(DirectoryEntry::email);
    }

    public StringBinding cognitoSub() {
        return field(DirectoryEntry::cognitoSub);
    }

    public StringBinding cognitoUsername() {
        return field(DirectoryEntry::cognitoUsername);
    }

    public StringBinding cognitoState() {
        return field(DirectoryEntry::state);
    }

    /** "seed users file, table, Cognito": where the directory learnt about the person. */
    public StringBinding sources() {
        return field(p -> String.join(", ", p.sourceList().stream().map(UserDetailsViewModel::sourceName).toList()));
    }

    private static String sourceName(DirectorySource source) {
        return switch (source) {
            case SEED -> "seed users";
            case TABLE -> "table";
            case COGNITO -> "Cognito";
        };
    }

    public ObjectProperty<DirectoryEntry> personProperty() {
        return person;
    }

    /** Readable problems of the person; empty when everything adds up. */
    public ObservableList<String> problems() {
        return problems;
    }

    public StringBinding titleProperty() {
        return title;
    }

    /** What the directory is missing (Cognito not configured or unreachable, ...), or null when it is complete. */
    public StringBinding bannerProperty() {
        return banner;
    }

    public BooleanBinding canOpenConversationsProperty() {
        return canOpenConversations;
    }

    public StringBinding whyNotOpenProperty() {
        return whyNotOpen;
    }

    public BooleanBinding canStartConversationProperty() {
        return canStartConversation;
    }

    public StringBinding whyNotStartProperty() {
        return whyNotStart;
    }
}

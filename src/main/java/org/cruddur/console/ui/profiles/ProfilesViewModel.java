package org.cruddur.console.ui.profiles;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.config.ProfileStore;
import org.cruddur.console.ui.background.OneLineError;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.cruddur.console.ui.background.BackgroundWork;
import org.cruddur.console.ui.background.LatestRequest;

/**
 * The profile editor: the user's profiles from profiles.json, a form for one of them validated as it is typed
 * (the profile's own {@link ConnectionProfile#problems()}), and the file's problems shown as they are.
 */
public final class ProfilesViewModel {

    private final Supplier<ProfileStore> store;
    private final Consumer<ProfileStore> saved;
    /** One save or delete at a time, each on the file as the one before left it. */
    private final LatestRequest saving;
    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    private final ObservableList<String> fileProblems = FXCollections.observableArrayList();
    private final ObjectProperty<ConnectionProfile> editing = new SimpleObjectProperty<>(this, "editing");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<ConnectionProfile.Kind> kind = new SimpleObjectProperty<>(this, "kind", ConnectionProfile.Kind.ENDPOINT);
    private final StringProperty endpoint = new SimpleStringProperty(this, "endpoint", "");
    private final StringProperty region = new SimpleStringProperty(this, "region", "");
    private final StringProperty awsProfile = new SimpleStringProperty(this, "awsProfile", "");
    private final StringProperty table = new SimpleStringProperty(this, "table", ConnectionProfile.DEFAULT_TABLE);
    private final StringProperty userPoolId = new SimpleStringProperty(this, "userPoolId", "");
    private final BooleanProperty readOnly = new SimpleBooleanProperty(this, "readOnly");
    private final StringProperty saveProblem = new SimpleStringProperty(this, "saveProblem");
    private final ObjectBinding<List<String>> formProblems;

    /**
     * @param store the profiles the window uses (loaded off the UI thread)
     * @param saved told, on the UI thread, after a save or delete changed them
     */
    public ProfilesViewModel(BackgroundWork work, Supplier<ProfileStore> store, Consumer<ProfileStore> saved) {
        this.store = store;
        this.saved = saved;
        this.saving = new LatestRequest(work, failure -> saveProblem.set(OneLineError.of(failure)));
        formProblems = Bindings.createObjectBinding(() -> {
            List<String> problems = new java.util.ArrayList<>(draft().problems());
            if (draft().isBuiltIn()) {
                problems.add("'" + name.get().trim() + "' is a built-in profile; choose another name");
            }
            return problems;
        }, name, kind, endpoint, region, awsProfile, table, userPoolId, readOnly);
        editing.addListener((obs, was, p) -> fill(p));
        reload();
    }

    /** Shows the store the main window uses (loaded off the UI thread at start or after a save). */
    public void reload() {
        ProfileStore current = store.get();
        if (current != null) {
            profiles.setAll(current.userProfiles());
            fileProblems.setAll(current.problems());
        }
    }

    /**
     * The profile the form describes: the edited profile with the form's fields applied, so what the form does not
     * show (the Cognito endpoint) stays as it was. Fields the console does not know stay in the file (ProfileStore).
     */
    public ConnectionProfile draft() {
        ConnectionProfile before = editing.get();
        return new ConnectionProfile(trim(name.get()), kind.get(), blankToNull(endpoint.get()), blankToNull(region.get()),
                blankToNull(awsProfile.get()), blankToNull(table.get()), blankToNull(userPoolId.get()),
                before == null ? null : before.cognitoEndpoint(), readOnly.get());
    }

    private void fill(ConnectionProfile p) {
        saveProblem.set(null);
        ConnectionProfile from = p != null ? p : new ConnectionProfile("", ConnectionProfile.Kind.ENDPOINT,
                ConnectionProfile.LOCAL_ENDPOINT, null, null, ConnectionProfile.DEFAULT_TABLE, null, null, false);
        name.set(nullToEmpty(from.name()));
        kind.set(from.kind());
        endpoint.set(nullToEmpty(from.endpoint()));
        region.set(nullToEmpty(from.region()));
        awsProfile.set(nullToEmpty(from.awsProfile()));
        table.set(nullToEmpty(from.table()));
        userPoolId.set(nullToEmpty(from.userPoolId()));
        readOnly.set(from.readOnly());
    }

    public void newProfile() {
        editing.set(null);
        fill(null);
    }

    /** Saves the form (renaming removes the old entry) in the background; the main window's list follows. */
    public void save() {
        ConnectionProfile draft = draft();
        ConnectionProfile before = editing.get();
        ProfileStore current = store.get();
        if (current == null || !formProblems.get().isEmpty()) {
            saveProblem.set(String.join("; ", formProblems.get()));
            return;
        }
        saving.runIfIdle("Saving profile", progress -> {
            current.replace(before == null ? null : before.name(), draft);
            return current;
        }, after -> {
            saveProblem.set(null);
            saved.accept(after);
            reload();
            editing.set(profiles.stream().filter(p -> p.name().equals(draft.name())).findFirst().orElse(null));
        });
    }

    public void delete() {
        ConnectionProfile target = editing.get();
        ProfileStore current = store.get();
        if (target == null || current == null) {
            return;
        }
        saving.runIfIdle("Deleting profile", progress -> {
            current.remove(target.name());
            return current;
        }, after -> {
            saved.accept(after);
            reload();
            newProfile();
        });
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    public ObservableList<ConnectionProfile> profiles() {
        return profiles;
    }

    public ObservableList<String> fileProblems() {
        return fileProblems;
    }

    public ObjectProperty<ConnectionProfile> editingProperty() {
        return editing;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<ConnectionProfile.Kind> kindProperty() {
        return kind;
    }

    public StringProperty endpointProperty() {
        return endpoint;
    }

    public StringProperty regionProperty() {
        return region;
    }

    public StringProperty awsProfileProperty() {
        return awsProfile;
    }

    public StringProperty tableProperty() {
        return table;
    }

    public StringProperty userPoolIdProperty() {
        return userPoolId;
    }

    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    /** True while a save or delete is being written; the dialog's buttons wait for it. */
    public ReadOnlyBooleanProperty savingProperty() {
        return saving.loadingProperty();
    }

    public StringProperty saveProblemProperty() {
        return saveProblem;
    }

    public ObjectBinding<List<String>> formProblemsProperty() {
        return formProblems;
    }
}

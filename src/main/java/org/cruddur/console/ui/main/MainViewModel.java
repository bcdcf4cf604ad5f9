package org.cruddur.console.ui.main;

import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cruddur.console.ui.StartupTimes;
import org.cruddur.console.config.AppDirectories;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.config.ProfileStore;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.dynamodblocal.DynamoDbLocalInstall;
import org.cruddur.console.service.dynamodblocal.EmbeddedDynamoDbLocal;
import org.cruddur.console.service.MessagesTable;
import org.cruddur.console.service.SeedPlan;
import org.cruddur.console.ui.background.BackgroundWork;
import org.cruddur.console.ui.background.OneLineError;

/**
 * The window shell's state: which profile is selected, the open table and how the connection stands, whether writes
 * are unlocked, and the one error line shown to people. Other view models follow {@link #tableProperty()} and
 * {@link #dataVersionProperty()} (bumped whenever data changed underneath them: refresh, seed, drop, reconnect).
 */
public final class MainViewModel {

    /** Opens a table for a profile; replaced in tests to count or fail opens. */
    public interface TableOpener {
        MessagesTable open(ConnectionProfile profile, AppDirectories dirs, java.util.function.Consumer<String> status);
    }

    /** What the first look at a table found. */
    record Probe(MessagesTable table, TableState state) {
    }

    public static final int DEMO_CONVERSATIONS = 6;
    public static final int DEMO_MESSAGES = 600;

    private final AppDirectories dirs;
    private final BackgroundWork work;
    private final TableOpener opener;
    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    private final ObservableList<String> profileProblems = FXCollections.observableArrayList();
    private final ObjectProperty<ConnectionProfile> selectedProfile = new SimpleObjectProperty<>(this, "selectedProfile");
    private final ReadOnlyObjectWrapper<MessagesTable> table = new ReadOnlyObjectWrapper<>(this, "table");
    private final ObjectProperty<ConnectionState> connection = new SimpleObjectProperty<>(this, "connection", ConnectionState.DISCONNECTED);
    private final BooleanProperty dynamoDbLocalMissing = new SimpleBooleanProperty(this, "dynamoDbLocalMissing");
    private final ObjectProperty<TableState> tableState = new SimpleObjectProperty<>(this, "tableState", TableState.UNKNOWN);
    private final BooleanProperty writesAllowed = new SimpleBooleanProperty(this, "writesAllowed");
    private final StringProperty error = new SimpleStringProperty(this, "error");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final IntegerProperty dataVersion = new SimpleIntegerProperty(this, "dataVersion");
    private final BooleanProperty demoLoading = new SimpleBooleanProperty(this, "demoLoading");
    private final javafx.beans.property.DoubleProperty demoProgress = new javafx.beans.property.SimpleDoubleProperty(this, "demoProgress", -1);
    private final BooleanBinding offerDemoData;
    private ProfileStore store;
    private int generation;

    public MainViewModel(AppDirectories dirs, BackgroundWork work, TableOpener opener) {
        this.dirs = dirs;
        this.work = work;
        this.opener = opener;
        this.offerDemoData = Bindings.createBooleanBinding(
                () -> connection.get() == ConnectionState.CONNECTED && !demoLoading.get()
                        && (tableState.get() == TableState.MISSING || tableState.get() == TableState.EMPTY),
                connection, tableState, demoLoading);
    }

    public static TableOpener defaultOpener() {
        return (profile, dirs, status) -> MessagesTable.open(profile, dirs, false, status);
    }

    // ---- profiles ----------------------------------------------------------------------------------------------

    /** Takes a freshly loaded profile store (load it off the UI thread) and shows its profiles and problems. */
    public void useProfiles(ProfileStore loaded) {
        this.store = loaded;
        ConnectionProfile selected = selectedProfile.get();
        profiles.setAll(loaded.all());
        profileProblems.setAll(loaded.problems());
        if (selected != null) {
            // a profile edited under the same name replaces the selected one, but does not reconnect by itself
            loaded.find(selected.name()).ifPresent(p -> {
                if (!p.equals(selected)) {
                    selectedProfile.set(p);
                }
            });
        }
    }

    public ProfileStore profileStore() {
        return store;
    }

    public ObservableList<ConnectionProfile> profiles() {
        return profiles;
    }

    public ObservableList<String> profileProblems() {
        return profileProblems;
    }

    public ObjectProperty<ConnectionProfile> selectedProfileProperty() {
        return selectedProfile;
    }

    public ConnectionProfile selectedProfile() {
        return selectedProfile.get();
    }

    // ---- connection --------------------------------------------------------------------------------------------

    /** Closes the current table (if any) and opens {@code profile}'s, then looks at the table once. */
    public void connect(ConnectionProfile profile) {
        int mine = ++generation;
        selectedProfile.set(profile);
        MessagesTable old = table.get();
        table.set(null);
        writesAllowed.set(false);
        tableState.set(TableState.UNKNOWN);
        connection.set(ConnectionState.CONNECTING);
        status.set("Connecting to " + profile.name() + "…");
        work.submit("Connecting to " + profile.name(), progress -> {
            if (old != null) {
                old.close();
            }
            if (profile.kind() == ConnectionProfile.Kind.EMBEDDED && !ensureDynamoDbLocal(progress)) {
                throw new ConsoleException(ConsoleException.Kind.CONFIG, DYNAMODB_LOCAL_MISSING);
            }
            StartupTimes.mark("connecting");
            MessagesTable opened = opener.open(profile, dirs, progress::message);
            StartupTimes.mark("session open");
            try {
                return new Probe(opened, probe(opened));
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
        }, probe -> {
            if (mine != generation) {
                probe.table().close(); // another profile was chosen meanwhile
                return;
            }
            table.set(probe.table());
            connected(probe.state());
        }, failure -> {
            if (mine == generation) {
                connection.set(ConnectionState.FAILED);
                status.set("Not connected to " + profile.name());
                report(failure);
                if (failure instanceof ConsoleException ce && DYNAMODB_LOCAL_MISSING.equals(ce.getMessage())) {
                    dynamoDbLocalMissing.set(true);
                }
            }
        });
    }

    static final String DYNAMODB_LOCAL_MISSING =
            "DynamoDB Local is not installed: accept its license to download it, or choose a folder that holds it";

    /**
     * The embedded profile needs DynamoDB Local, which an installed console does not ship. A copy already in the
     * user's Maven repository is taken without asking (they have it already); otherwise the UI asks for consent.
     */
    private boolean ensureDynamoDbLocal(BackgroundWork.JobProgress progress) {
        if (EmbeddedDynamoDbLocal.locate(dirs.dataDir()).isPresent()) {
            return true;
        }
        DynamoDbLocalInstall install = DynamoDbLocalInstall.forDataDir(dirs.dataDir());
        java.util.Optional<java.nio.file.Path> maven = install.localMavenCopy();
        if (maven.isEmpty()) {
            return false;
        }
        progress.message("Copying DynamoDB Local from your Maven repository…");
        install.installFromMavenRepository(maven.get(), DynamoDbLocalInstall.Progress.none(), progress::stopRequested);
        return true;
    }

    /** True after the embedded profile failed for want of DynamoDB Local; the window then offers to install it. */
    public BooleanProperty dynamoDbLocalMissingProperty() {
        return dynamoDbLocalMissing;
    }

    public AppDirectories directories() {
        return dirs;
    }

    /** Looks again at the endpoint (reconnecting if there is no table) and reloads what is shown. */
    public void refresh() {
        MessagesTable current = table.get();
        ConnectionProfile profile = selectedProfile.get();
        if (current == null) {
            if (profile != null && connection.get() != ConnectionState.CONNECTING) {
                connect(profile);
            }
            return;
        }
        int mine = generation;
        connection.set(ConnectionState.CONNECTING);
        work.submit("Refreshing", progress -> {
            current.users().refresh();
            return probe(current);
        }, state -> {
            if (mine == generation) {
                connected(state);
            }
        }, failure -> {
            if (mine == generation) {
                connection.set(ConnectionState.FAILED);
                report(failure);
            }
        });
    }

    private void connected(TableState state) {
        MessagesTable t = table.get();
        connection.set(ConnectionState.CONNECTED);
        tableState.set(state);
        writesAllowed.set(t.session().writesAllowed());
        status.set(t.session().describeTarget() + " · " + t.session().tableName()
                + (state == TableState.MISSING ? " (table missing)" : state == TableState.EMPTY ? " (table empty)" : ""));
        error.set(null);
        dataVersion.set(dataVersion.get() + 1);
    }

    /** One call to see whether the table exists and holds anything; throws when the endpoint is unreachable. */
    static TableState probe(MessagesTable t) {
        if (!t.schema().exists()) {
            return TableState.MISSING;
        }
        return t.scanner().page(1, null, null).items().isEmpty() ? TableState.EMPTY : TableState.READY;
    }

    /** Data changed underneath the views (a seed, a drop, a post elsewhere): reload what they show. */
    public void dataChanged(TableState newState) {
        if (newState != null) {
            tableState.set(newState);
        }
        MessagesTable t = table.get();
        if (t != null) {
            t.users().refresh();
        }
        dataVersion.set(dataVersion.get() + 1);
    }

    /** First start: creates the table and writes the demo conversations, so a newcomer sees something. */
    public void loadDemoData() {
        MessagesTable t = table.get();
        if (t == null) {
            return;
        }
        demoLoading.set(true);
        status.set("Loading the schema and demo conversations…");
        demoProgress.unbind();
        demoProgress.set(-1);
        org.cruddur.console.ui.background.RunningJob job = work.submit("Loading demo data", progress -> {
            t.schema().load();
            SeedPlan plan = new SeedPlan(t.users().seedUsers(), DEMO_CONVERSATIONS, DEMO_MESSAGES);
            t.seeder().seed(plan, progress::update, progress::stopRequested);
            return plan;
        }, plan -> {
            demoProgress.unbind();
            demoLoading.set(false);
            status.set(t.session().describeTarget() + " · " + t.session().tableName());
            dataChanged(TableState.READY);
        }, failure -> {
            demoProgress.unbind();
            demoLoading.set(false);
            report(failure);
        });
        if (demoLoading.get()) {
            demoProgress.bind(job.progressProperty());
        }
    }

    // ---- writes ------------------------------------------------------------------------------------------------

    /** Unlocks writes on a protected profile; the view asks for confirmation first. */
    public void unlockWrites() {
        MessagesTable t = table.get();
        if (t != null) {
            t.session().unlockWrites();
            writesAllowed.set(t.session().writesAllowed());
        }
    }

    public void lockWrites() {
        MessagesTable t = table.get();
        if (t != null) {
            t.session().lockWrites();
            writesAllowed.set(t.session().writesAllowed());
        }
    }

    /** Whether unlocking needs a confirmation: it does on every profile that locks writes by default. */
    public boolean writesLockedByDefault() {
        ConnectionProfile p = selectedProfile.get();
        return p != null && p.writesLockedByDefault();
    }

    // ---- errors ------------------------------------------------------------------------------------------------

    /** Shows a failure as one line; an unreachable endpoint also marks the connection failed until a refresh. */
    public void report(Throwable failure) {
        if (OneLineError.isCancellation(failure)) {
            status.set(OneLineError.of(failure));
            return;
        }
        if (failure instanceof ConsoleException ce && (ce.kind() == ConsoleException.Kind.UNREACHABLE
                || ce.kind() == ConsoleException.Kind.CREDENTIALS) && connection.get() == ConnectionState.CONNECTED) {
            connection.set(ConnectionState.FAILED);
        }
        if (failure instanceof ConsoleException ce && ce.kind() == ConsoleException.Kind.TABLE_MISSING) {
            tableState.set(TableState.MISSING);
        }
        error.set(OneLineError.of(failure));
    }

    public void report(String message) {
        error.set(message);
    }

    public void dismissError() {
        error.set(null);
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ReadOnlyObjectProperty<MessagesTable> tableProperty() {
        return table.getReadOnlyProperty();
    }

    public MessagesTable table() {
        return table.get();
    }

    public ObjectProperty<ConnectionState> connectionProperty() {
        return connection;
    }

    public ObjectProperty<TableState> tableStateProperty() {
        return tableState;
    }

    public BooleanProperty writesAllowedProperty() {
        return writesAllowed;
    }

    public IntegerProperty dataVersionProperty() {
        return dataVersion;
    }

    public BooleanBinding offerDemoDataProperty() {
        return offerDemoData;
    }

    /** Progress of the demo data load: -1 while unknown (schema), then 0..1. */
    public javafx.beans.property.DoubleProperty demoProgressProperty() {
        return demoProgress;
    }

    public BooleanProperty demoLoadingProperty() {
        return demoLoading;
    }

    public BackgroundWork work() {
        return work;
    }

    public AppDirectories dirs() {
        return dirs;
    }

    /** Runs {@code action} on the open table in the background, reporting failures here. */
    public <T> void onTable(String title, Function<MessagesTable, T> action, java.util.function.Consumer<T> onSuccess) {
        MessagesTable t = table.get();
        if (t == null) {
            report("Not connected: choose a profile or press Refresh (F5)");
            return;
        }
        work.submit(title, progress -> action.apply(t), onSuccess, this::report);
    }

    /** Closes the open table; called when the window closes. */
    public void close() {
        generation++;
        MessagesTable t = table.get();
        table.set(null);
        if (t != null) {
            t.close();
        }
    }

    static List<String> names(List<ConnectionProfile> ps) {
        return ps.stream().map(ConnectionProfile::name).toList();
    }
}

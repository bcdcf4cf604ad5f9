package org.cruddur.console.ui.main;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cruddur.console.config.AppDirectories;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.config.ProfileStore;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.service.seeding.SeedPlan;
import org.cruddur.console.service.dynamodblocal.DynamoDbLocalInstall;
import org.cruddur.console.service.dynamodblocal.DynamoDbLocalMissing;
import org.cruddur.console.ui.startup.StartupTimes;
import org.cruddur.console.ui.background.BackgroundWork;
import org.cruddur.console.ui.background.JobsInFlight;
import org.cruddur.console.ui.background.LatestRequest;
import org.cruddur.console.ui.background.OneLineError;
import org.cruddur.console.ui.background.WorkDone;
import org.cruddur.console.ui.connection.ConnectionContext;
import org.cruddur.console.ui.connection.TableState;

/**
 * The window shell's state: which profile is selected, the open table and how the connection stands, whether writes
 * are unlocked, and the one error line shown to people. Feature view models see it only as their
 * {@link ConnectionContext}: the table, {@link #dataVersionProperty()} (bumped whenever data changed underneath them:
 * refresh, seed, drop, reconnect), error reporting and the executor.
 */
public final class MainViewModel implements ConnectionContext {

    private static final Logger LOG = Logger.getLogger(MainViewModel.class.getName());
    /** How long a closing table waits for the jobs still using it (they were asked to stop) before it closes anyway. */
    private static final Duration JOBS_PATIENCE = Duration.ofSeconds(10);

    /** Opens a table for a profile; replaced in tests to count or fail opens. */
    public interface TableOpener {
        MessagesTable open(ConnectionProfile profile, AppDirectories dirs, Consumer<String> status);
    }

    /** What the first look at a table found. */
    record Probe(MessagesTable table, TableState state) {
    }

    public static final int DEMO_CONVERSATIONS = 6;
    public static final int DEMO_MESSAGES = 600;

    private final AppDirectories dirs;
    private final BackgroundWork work;
    private final TableOpener opener;
    private final Executor closer;
    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    private final ObservableList<String> profileProblems = FXCollections.observableArrayList();
    private final ObjectProperty<ConnectionProfile> selectedProfile = new SimpleObjectProperty<>(this, "selectedProfile");
    private final ReadOnlyObjectWrapper<MessagesTable> table = new ReadOnlyObjectWrapper<>(this, "table");
    private final ObjectProperty<ConnectionState> connection = new SimpleObjectProperty<>(this, "connection", ConnectionState.DISCONNECTED);
    private final BooleanProperty dynamoDbLocalMissing = new SimpleBooleanProperty(this, "dynamoDbLocalMissing");
    private final ReadOnlyObjectWrapper<TableState> tableState = new ReadOnlyObjectWrapper<>(this, "tableState", TableState.UNKNOWN);
    private final BooleanProperty writesAllowed = new SimpleBooleanProperty(this, "writesAllowed");
    private final StringProperty error = new SimpleStringProperty(this, "error");
    /** The error shown is an expired or missing AWS sign-in: the error line offers "Sign in again". */
    private final BooleanProperty signInOffered = new SimpleBooleanProperty(this, "signInOffered");
    /** Who the console is on AWS profiles: "account 1111… · SupportReadOnly · 7h 59m left"; empty elsewhere. */
    private final StringProperty awsIdentity = new SimpleStringProperty(this, "awsIdentity", "");
    private final LatestRequest identityRequest;
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    /** Finished work announced by the view models, newest last; the window pops each one up as it arrives. */
    private final ObservableList<WorkDone> finishedWork = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper dataVersion = new ReadOnlyIntegerWrapper(this, "dataVersion");
    /** Every request on the open table: stopped together when the table changes. */
    private final List<LatestRequest> tableRequests = new ArrayList<>();
    /** Their job bodies still running: the old table closes only after they ended. */
    private final JobsInFlight tableJobs = new JobsInFlight();
    private final LatestRequest connecting;
    private final LatestRequest demoLoad;
    private final BooleanBinding offerDemoData;
    private ProfileStore store;
    /** The error shown says the table is missing: loading the schema makes it obsolete. */
    private boolean errorIsMissingTable;

    public MainViewModel(AppDirectories dirs, BackgroundWork work, TableOpener opener) {
        this(dirs, work, opener, MainViewModel::closeOnOwnThread);
    }

    /**
     * @param closer runs the closing of a table the console is done with; never the UI thread, since closing the
     *               embedded profile waits (up to seconds) for DynamoDB Local's process to stop
     */
    public MainViewModel(AppDirectories dirs, BackgroundWork work, TableOpener opener, Executor closer) {
        this.dirs = dirs;
        this.work = work;
        this.opener = opener;
        this.closer = closer;
        this.connecting = new LatestRequest(work, this::connectFailed);
        this.demoLoad = tableRequest();
        // who you are is a nicety: a failure leaves the label empty (the call that matters reports its own)
        this.identityRequest = tableRequest(failure -> awsIdentity.set(""));
        this.offerDemoData = Bindings.createBooleanBinding(
                () -> connection.get() == ConnectionState.CONNECTED && !demoLoad.isLoading()
                        && (tableState.get() == TableState.MISSING || tableState.get() == TableState.EMPTY),
                connection, tableState, demoLoad.loadingProperty());
    }

    /** A non-daemon thread: the JVM waits for DynamoDB Local's process to stop before it exits. */
    private static void closeOnOwnThread(Runnable close) {
        Thread t = new Thread(close, "closing-table");
        t.setDaemon(false);
        t.start();
    }

    public static TableOpener defaultOpener() {
        return (profile, dirs, status) -> MessagesTable.open(profile, dirs, false, status);
    }

    /** Opens tables with the given AWS sign-in settings (the desktop's: MFA codes asked in a dialog). */
    public static TableOpener awsOpener(org.cruddur.console.service.aws.AwsAccess aws) {
        return (profile, dirs, status) -> MessagesTable.open(profile, dirs, false, status, aws);
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

    /** Stops every job on the current table, closes it once they ended, and opens {@code profile}'s, then looks once. */
    public void connect(ConnectionProfile profile) {
        selectedProfile.set(profile);
        CompletableFuture<Void> oldClosed = closeLater(letGoOfTable());
        writesAllowed.set(false);
        tableState.set(TableState.UNKNOWN);
        connection.set(ConnectionState.CONNECTING);
        status.set("Connecting to " + profile.name() + "…");
        connecting.run("Connecting to " + profile.name(), progress -> {
            StartupTimes.mark("connect job");
            // the old table goes first: an embedded profile's DynamoDB Local must let go of the data folder
            oldClosed.get();
            if (profile.kind() == ConnectionProfile.Kind.EMBEDDED
                    && !DynamoDbLocalInstall.forDataDir(dirs.dataDir()).ensureAvailable(progress::message, progress::stopRequested)) {
                throw new DynamoDbLocalMissing("DynamoDB Local is not installed: accept its license to download it,"
                        + " or choose a folder that holds it");
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
            table.set(probe.table());
            connected(probe.state());
        }, overtaken -> closeLater(overtaken.table())); // another profile was chosen meanwhile
    }

    /**
     * Stops the requests on the open table and forgets it (views clear); returns it, for the caller to close once
     * those requests' jobs have ended.
     */
    private MessagesTable letGoOfTable() {
        tableRequests.forEach(LatestRequest::stop);
        MessagesTable old = table.get();
        table.set(null);
        return old;
    }

    /** Closes {@code old} on the closer once the jobs still using it (asked to stop) ended; null closes nothing. */
    private CompletableFuture<Void> closeLater(MessagesTable old) {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        if (old == null) {
            closed.complete(null);
            return closed;
        }
        closer.execute(() -> {
            try {
                if (!tableJobs.awaitNone(JOBS_PATIENCE)) {
                    LOG.warning(() -> "Closing table " + old.session().tableName() + " while jobs still use it");
                }
                old.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                old.close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Closing table " + old.session().tableName() + " failed", e);
            } finally {
                closed.complete(null);
            }
        });
        return closed;
    }

    private void connectFailed(Throwable failure) {
        ConnectionProfile profile = selectedProfile.get();
        connection.set(ConnectionState.FAILED);
        status.set("Not connected to " + (profile == null ? "" : profile.name()));
        report(failure);
        if (failure instanceof DynamoDbLocalMissing) {
            dynamoDbLocalMissing.set(true);
        }
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
            if (profile != null && !connecting.isLoading()) {
                connect(profile);
            }
            return;
        }
        connection.set(ConnectionState.CONNECTING);
        connecting.run("Refreshing", progress -> {
            current.users().refresh();
            return new Probe(current, probe(current));
        }, probe -> connected(probe.state()));
    }

    private void connected(TableState state) {
        MessagesTable t = table.get();
        connection.set(ConnectionState.CONNECTED);
        tableState.set(state);
        writesAllowed.set(t.session().writesAllowed());
        status.set(t.session().describeTarget() + " · " + t.session().tableName()
                + (state == TableState.MISSING ? " (table missing)" : state == TableState.EMPTY ? " (table empty)" : ""));
        dismissError();
        dataVersion.set(dataVersion.get() + 1);
        loadAwsIdentity();
    }

    /** Asks STS who the open table's credentials are (off the UI thread) for the profile bar; AWS profiles only. */
    public void loadAwsIdentity() {
        MessagesTable t = table.get();
        if (t == null || !t.session().profile().onAws()) {
            awsIdentity.set("");
            return;
        }
        identityRequest.run("Asking AWS who you are", progress ->
                t.session().aws().whoAmI(t.session().profile().awsProfile(), t.session().region()), id -> {
            java.time.Duration left = id.timeLeft(java.time.Instant.now());
            awsIdentity.set(id.roleOrUser() + " · " + id.account()
                    + (left == null ? "" : " · " + org.cruddur.console.service.aws.CallerIdentity.describe(left)
                    + (left.isZero() ? "" : " left")));
        });
    }

    /**
     * After signing in again: runs again what failed for want of a sign-in, on the table still open, so what is on
     * screen (the conversation, the composer's text, a scan's progress) stays; connects first when there is no table.
     */
    public void signedIn() {
        signInOffered.set(false);
        dismissError();
        MessagesTable t = table.get();
        if (t == null) {
            refresh();
            return;
        }
        if (connection.get() != ConnectionState.CONNECTED) {
            connection.set(ConnectionState.CONNECTED);
        }
        tableRequests.forEach(LatestRequest::retryFailed);
        loadAwsIdentity();
    }

    /** The AWS profile of the selected connection profile (null: AWS_PROFILE or default), for signing in. */
    public String awsProfileToSignIn() {
        ConnectionProfile p = selectedProfile.get();
        return p == null ? null : p.awsProfile();
    }

    /** Whether the selected profile is on AWS (the Sign in action is offered there). */
    public boolean onAws() {
        ConnectionProfile p = selectedProfile.get();
        return p != null && p.onAws();
    }

    /** One call to see whether the table exists and holds anything; throws when the endpoint is unreachable. */
    static TableState probe(MessagesTable t) {
        if (!t.schema().exists()) {
            return TableState.MISSING;
        }
        return t.scanner().page(1, null, null).items().isEmpty() ? TableState.EMPTY : TableState.READY;
    }

    /** Data changed underneath the views (a seed, a drop, a post elsewhere): reload what they show. */
    @Override
    public void dataChanged(TableState newState) {
        if (newState != null) {
            tableState.set(newState);
        }
        if (newState == TableState.READY && errorIsMissingTable) {
            dismissError(); // the table exists now: "does not exist" is no longer true
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
        status.set("Loading the schema and demo conversations…");
        demoLoad.run("Loading demo data", progress -> {
            t.schema().load();
            SeedPlan plan = new SeedPlan(t.users().seedUsers(), DEMO_CONVERSATIONS, DEMO_MESSAGES);
            t.seeder().seed(plan, progress::update, progress::stopRequested);
            return plan;
        }, plan -> {
            status.set(t.session().describeTarget() + " · " + t.session().tableName());
            dataChanged(TableState.READY);
            finished(WorkDone.shownIn(WorkDone.Place.MESSAGES, "Demo data loaded", plan.conversations() + " conversations with "
                    + plan.messages() + " messages are in '" + t.session().tableName() + "'."));
        });
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
    @Override
    public void report(Throwable failure) {
        if (OneLineError.isCancellation(failure)) {
            status.set(OneLineError.of(failure));
            return;
        }
        if (failure instanceof ConsoleException ce && (ce.kind() == ConsoleException.Kind.UNREACHABLE
                || ce.kind() == ConsoleException.Kind.CREDENTIALS) && connection.get() == ConnectionState.CONNECTED) {
            connection.set(ConnectionState.FAILED);
        }
        // an expired sign-in leaves the table open and everything on screen: signing in again retries what failed
        signInOffered.set(failure instanceof ConsoleException ce && ce.kind() == ConsoleException.Kind.SIGN_IN);
        if (failure instanceof ConsoleException ce && ce.kind() == ConsoleException.Kind.TABLE_MISSING) {
            boolean offered = tableState.get() == TableState.MISSING && connection.get() == ConnectionState.CONNECTED;
            tableState.set(TableState.MISSING);
            if (offered) {
                return; // the offer to load the schema already says so, with the way out
            }
            error.set(OneLineError.of(failure));
            errorIsMissingTable = true;
            return;
        }
        error.set(OneLineError.of(failure));
        errorIsMissingTable = false;
    }

    @Override
    public void report(String message) {
        error.set(message);
        errorIsMissingTable = false;
    }

    /** How many announcements the list keeps: the window shows them as they come, the rest is history for tests. */
    private static final int FINISHED_KEPT = 20;

    @Override
    public void finished(WorkDone done) {
        finishedWork.add(done);
        if (finishedWork.size() > FINISHED_KEPT) {
            finishedWork.remove(0);
        }
    }

    /** Finished work, newest last (see {@link #finished}). */
    public ObservableList<WorkDone> finishedWork() {
        return finishedWork;
    }

    public void dismissError() {
        error.set(null);
        signInOffered.set(false);
        errorIsMissingTable = false;
    }

    public BooleanProperty signInOfferedProperty() {
        return signInOffered;
    }

    public StringProperty awsIdentityProperty() {
        return awsIdentity;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty statusProperty() {
        return status;
    }

    @Override
    public ReadOnlyObjectProperty<MessagesTable> tableProperty() {
        return table.getReadOnlyProperty();
    }

    @Override
    public MessagesTable table() {
        return table.get();
    }

    public ObjectProperty<ConnectionState> connectionProperty() {
        return connection;
    }

    @Override
    public ReadOnlyObjectProperty<TableState> tableStateProperty() {
        return tableState.getReadOnlyProperty();
    }

    public BooleanProperty writesAllowedProperty() {
        return writesAllowed;
    }

    @Override
    public ReadOnlyIntegerProperty dataVersionProperty() {
        return dataVersion.getReadOnlyProperty();
    }

    public BooleanBinding offerDemoDataProperty() {
        return offerDemoData;
    }

    /** Progress of the demo data load: -1 while unknown (schema), then 0..1. */
    public ReadOnlyDoubleProperty demoProgressProperty() {
        return demoLoad.progressProperty();
    }

    public ReadOnlyBooleanProperty demoLoadingProperty() {
        return demoLoad.loadingProperty();
    }

    @Override
    public BackgroundWork work() {
        return work;
    }

    public AppDirectories dirs() {
        return dirs;
    }

    @Override
    public LatestRequest tableRequest(Consumer<Throwable> report) {
        LatestRequest request = new LatestRequest(work, report, tableJobs);
        tableRequests.add(request);
        return request;
    }

    /**
     * Lets go of the open table (the window closes): its jobs are stopped here, and the table is closed by the
     * closer once they ended, so the UI thread never waits for DynamoDB Local's process to stop.
     */
    public void close() {
        connecting.stop();
        closeLater(letGoOfTable());
    }
}

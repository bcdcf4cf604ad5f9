package org.cruddur.console.ui;

import org.cruddur.console.ui.startup.StartupTimes;
import org.cruddur.console.ui.view.FeatureView;
import java.nio.file.Path;
import java.util.Objects;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.cruddur.console.config.AppDirectories;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.config.ProfileStore;
import org.cruddur.console.ui.admin.AdminController;
import org.cruddur.console.ui.health.HealthController;
import org.cruddur.console.ui.health.HealthViewModel;
import org.cruddur.console.ui.streams.StreamsController;
import org.cruddur.console.ui.background.FxBackgroundWork;
import org.cruddur.console.service.dynamodblocal.DynamoDbLocalInstall;
import org.cruddur.console.service.dynamodblocal.EmbeddedDynamoDbLocal;
import org.cruddur.console.ui.composer.ComposerController;
import org.cruddur.console.log.LogFile;
import org.cruddur.console.ui.dynamodblocal.DynamoDbLocalSetupDialog;
import org.cruddur.console.ui.dynamodblocal.DynamoDbLocalSetupViewModel;
import org.cruddur.console.ui.conversation.ConversationController;
import org.cruddur.console.ui.moderation.BubbleMenu;
import org.cruddur.console.ui.export.ExportDialog;
import org.cruddur.console.ui.export.ExportViewModel;
import org.cruddur.console.ui.find.FindController;
import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.items.PersonName;
import org.cruddur.console.ui.conversation.MessageTimes;
import org.cruddur.console.ui.conversation.ThreadEntry;
import org.cruddur.console.ui.inbox.InboxController;
import org.cruddur.console.ui.main.MainController;
import org.cruddur.console.ui.main.MainViewModel;
import org.cruddur.console.ui.oplog.OperationLogController;
import org.cruddur.console.ui.preferences.ConsolePreferences;
import org.cruddur.console.ui.preferences.PreferencesFile;
import org.cruddur.console.ui.log.LogWindow;
import org.cruddur.console.ui.profiles.ProfilesDialog;
import org.cruddur.console.ui.rawitems.RawItemsController;
import org.cruddur.console.ui.userdetails.UserDetailsController;

/**
 * The desktop console. Built with the folders to use and, optionally, the profile to open first, so tests and
 * scripts never touch a person's own profiles, preferences or data.
 */
public final class ConsoleApp extends Application {

    private static final Logger LOG = Logger.getLogger(ConsoleApp.class.getName());

    public static final String TITLE = "Cruddur Messages Console";

    private final AppDirectories dirs;
    private final String startProfile;
    private final MainViewModel.TableOpener opener;
    private final int inboxPageSize;
    private final StartupTimes startup = new StartupTimes();
    private ProfileStore profiles;
    private PreferencesFile preferencesFile;
    private ConsolePreferences preferences;
    private ConnectionProfile firstProfile;
    private FxBackgroundWork work;
    private ConsoleModel model;
    private MainController mainController;
    private InboxController inboxController;
    private ComposerController composerController;
    private Stage stage;
    private ProfilesDialog profilesDialog;
    private Path logFile;

    /** The real application: folders from the environment ({@code CRUDDUR_CONSOLE_HOME}), last profile used. */
    public ConsoleApp() {
        this(AppDirectories.fromEnvironment(), null, MainViewModel.awsOpener(DESKTOP_AWS));
    }

    /** The shared ~/.aws files and the AWS endpoints of this machine; MFA codes asked for in a dialog. */
    private static final org.cruddur.console.service.aws.AwsAccess DESKTOP_AWS =
            org.cruddur.console.service.aws.AwsAccess.standard().withMfa(new org.cruddur.console.ui.signin.MfaDialog());

    /** @param startProfile the profile to open first, or null for the last one used (else {@code embedded}) */
    public ConsoleApp(AppDirectories dirs, String startProfile) {
        this(dirs, startProfile, MainViewModel.awsOpener(DESKTOP_AWS));
    }

    public ConsoleApp(AppDirectories dirs, String startProfile, MainViewModel.TableOpener opener) {
        this(dirs, startProfile, opener, org.cruddur.console.ui.inbox.InboxViewModel.PAGE_SIZE);
    }

    /** @param inboxPageSize conversations per inbox page (tests make it small to see paging on little data) */
    public ConsoleApp(AppDirectories dirs, String startProfile, MainViewModel.TableOpener opener, int inboxPageSize) {
        this.dirs = Objects.requireNonNull(dirs);
        this.startProfile = startProfile;
        this.opener = opener;
        this.inboxPageSize = inboxPageSize;
    }

    /** Reads profiles and preferences; runs on the launcher thread, not the FX thread. */
    @Override
    public void init() {
        StartupTimes.mark("init");
        logFile = LogFile.install(dirs.dataDir());
        Thread.setDefaultUncaughtExceptionHandler(LogFile::uncaught); // the FX thread's included
        profiles = ProfileStore.load(dirs.profilesFile());
        preferencesFile = new PreferencesFile(dirs.preferencesFile());
        preferences = preferencesFile.load();
        firstProfile = firstProfile(profiles, preferences, startProfile);
        if (firstProfile.kind() == ConnectionProfile.Kind.EMBEDDED) {
            prestart(dirs); // nothing new when the launcher already did, before the toolkit
        }
    }

    /**
     * Spawns DynamoDB Local before the JavaFX toolkit starts, when the real application will open the embedded profile
     * first: 0.3 s before {@link #init} could, so the child's JVM boots beside the toolkit's start as well. Best effort:
     * a profiles or preferences file that cannot be read is left to {@link #init}, which reports it.
     */
    public static void prestartBeforeTheToolkit() {
        prestartBeforeTheToolkit(AppDirectories.fromEnvironment());
    }

    /** @return whether the first profile is the embedded one, for which DynamoDB Local is being started */
    static boolean prestartBeforeTheToolkit(AppDirectories dirs) {
        try {
            ConnectionProfile first = firstProfile(ProfileStore.load(dirs.profilesFile()),
                    new PreferencesFile(dirs.preferencesFile()).load(), null);
            if (first.kind() == ConnectionProfile.Kind.EMBEDDED) {
                prestart(dirs);
                return true;
            }
        } catch (RuntimeException e) {
            // init() reads the same files again and says what is wrong with them
        }
        return false;
    }

    /**
     * DynamoDB Local's JVM boots while the views load and the window is built, not after them; spawning it (finding its
     * jars, a port, the process) happens on a thread of its own.
     */
    private static void prestart(AppDirectories dirs) {
        Thread early = new Thread(() -> EmbeddedDynamoDbLocal.prestart(dirs.dataDir()), "prestart-dynamodb-local");
        early.setDaemon(true);
        early.start();
    }

    @Override
    public void start(Stage primary) {
        if (profiles == null) {
            init(); // started without the launcher (embedding)
        }
        StartupTimes.mark("start");
        this.stage = primary;
        work = new FxBackgroundWork(3);
        model = new ConsoleModel(dirs, work, opener, Platform::runLater, inboxPageSize);
        MessageTimes times = MessageTimes.systemDefault();
        MainViewModel main = model.main();
        main.useProfiles(profiles);
        main.dynamoDbLocalMissingProperty().addListener((obs, was, missing) -> {
            if (missing) {
                showDynamoDbLocalSetup();
            }
        });
        model.inbox().preferredUserUuidProperty().set(preferences.lastUser());

        javafx.beans.binding.BooleanBinding connecting = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> main.connectionProperty().get() == org.cruddur.console.ui.main.ConnectionState.CONNECTING, main.connectionProperty());
        inboxController = new InboxController(model.inbox(), times, () -> mainController.showPerson(), connecting);
        composerController = new ComposerController(model.composer(), model.inbox().users());
        FindController findController = new FindController(model.find(), times);
        MainController.Shell shell = new MainController.Shell() {
            @Override public Parent findView() {
                return FeatureView.load("find/FindView.fxml", findController);
            }
            @Override public void focusFind() {
                findController.focus();
            }
            @Override public void exportConversation() {
                MessageGroupRow g = model.conversation().conversationProperty().get();
                if (g == null) {
                    model.main().report("Open a conversation to export it");
                    return;
                }
                ExportDialog.show(stage, model.export(), new ExportViewModel.Subject(false, g.messageGroupUuid(),
                        "with " + PersonName.otherOf(g) + " (" + g.messageGroupUuid() + ")",
                        (g.otherUserHandle() == null ? "conversation" : g.otherUserHandle()) + "_" + g.messageGroupUuid()));
            }
            @Override public void exportPerson() {
                ChatUser u = model.inbox().selectedUserProperty().get();
                if (u == null) {
                    model.main().report("Open a person's conversations to export them");
                    return;
                }
                ExportDialog.show(stage, model.export(), new ExportViewModel.Subject(true, u.uuid(),
                        u.displayName() + " (@" + u.handle() + ")", u.handle()));
            }
            @Override public Parent inboxView() {
                return FeatureView.load("inbox/InboxView.fxml", inboxController);
            }
            @Override public Parent conversationView() {
                return FeatureView.load("conversation/ConversationView.fxml", new ConversationController(model.conversation(), times, connecting)
                        .withBubbleMenu(new BubbleMenu(model.moderation(), model.conversation(), times)));
            }
            @Override public Parent composerView() {
                return FeatureView.load("composer/ComposerView.fxml", composerController);
            }
            @Override public Parent rawItemsView() {
                return FeatureView.load("rawitems/RawItemsView.fxml",
                        new RawItemsController(model.conversation().rawItems(), "Raw items of the thread"));
            }
            @Override public Parent userDetailsView() {
                return FeatureView.load("userdetails/UserDetailsView.fxml", new UserDetailsController(model.userDetails(),
                        () -> mainController.showRawItems(), composerController::focus));
            }
            @Override public Parent adminView() {
                Parent scanItems = FeatureView.load("rawitems/RawItemsView.fxml", new RawItemsController(model.admin().scanItems(), "Scanned items"));
                return FeatureView.load("admin/AdminView.fxml", new AdminController(model.admin(), scanItems));
            }
            @Override public Parent healthView() {
                HealthViewModel health = model.health();
                Parent items = FeatureView.load("rawitems/RawItemsView.fxml", new RawItemsController(health.rawItems(), "Items behind the finding"));
                return FeatureView.load("health/HealthView.fxml", new HealthController(health, main, items));
            }
            @Override public Parent streamsView() {
                return FeatureView.load("streams/StreamsView.fxml", new StreamsController(model.streams()));
            }
            @Override public Parent operationLogView() {
                return FeatureView.load("oplog/OperationLogView.fxml", new OperationLogController(model.operationLog()));
            }
            @Override public void openProfiles() {
                showProfiles();
            }
            @Override public void focusSearch() {
                inboxController.focusSearch();
            }
            @Override public void focusComposer() {
                composerController.focus();
            }
            @Override public void showLog() {
                LogWindow.show(stage, logFile, work);
            }
            @Override public void exit() {
                stage.close();
            }
            @Override public void signIn(Runnable onSignedIn) {
                showSignIn(onSignedIn);
            }
        };
        mainController = new MainController(main, model.admin()::opened, work, shell, preferences.themeOrDefault());
        Parent root = FeatureView.load("main/MainView.fxml", mainController);
        mainController.textSizeProperty().set(org.cruddur.console.ui.view.TextSize.of(preferences.textSize()));
        org.cruddur.console.ui.view.TextSize.followInEveryWindow();
        mainController.textSizeProperty().addListener((obs, was, size) -> preferences = preferences.withTextSize(size.percent()));
        // "Open in Health" on a marked conversation: the pane's view model already selected the finding
        model.healthFindings().openedProperty().addListener((obs, was, finding) -> {
            if (finding != null) {
                mainController.showHealth();
            }
        });
        model.streams().activeProperty().bind(mainController.streamsShownProperty());
        model.streams().onOpenConversation((user, group) -> {
            model.openConversation(user, group);
            mainController.showMessages();
        });
        StartupTimes.mark("views loaded");

        Scene scene = new Scene(root);
        applyTheme(scene, preferences.themeOrDefault());
        mainController.themeProperty().addListener((obs, was, theme) -> {
            applyTheme(scene, theme);
            preferences = preferences.withTheme(theme);
        });
        primary.setScene(scene);
        primary.setTitle(TITLE);
        restoreBounds(primary);
        primary.setOnShown(e -> startup.windowShown());
        model.conversation().entries().addListener((ListChangeListener<ThreadEntry>) c -> {
            if (!model.conversation().entries().isEmpty()) {
                Platform.runLater(startup::conversationRendered); // after the pulse that lays the bubbles out
            }
        });
        main.tableProperty().addListener((obs, was, table) -> {
            if (table != null) {
                stage.setTitle(TITLE + " — " + table.session().profile().name() + " · " + table.session().tableName());
            }
        });
        // connect first: the worker starts DynamoDB Local / the SDK while the FX thread shows the window
        main.connect(firstProfile);
        String wanted = startProfile != null ? startProfile : preferences.lastProfile();
        if (wanted != null && !wanted.equals(firstProfile.name())) {
            Platform.runLater(() -> model.main().report("Profile '" + wanted + "' is not known; opened 'embedded' instead"));
        }
        primary.show();
    }

    /** The profile to open first: the asked-for one, else the last one used, when it is known; else {@code embedded}. */
    private static ConnectionProfile firstProfile(ProfileStore profiles, ConsolePreferences preferences, String startProfile) {
        String wanted = startProfile != null ? startProfile : preferences.lastProfile();
        return wanted == null ? ConnectionProfile.EMBEDDED : profiles.find(wanted).orElse(ConnectionProfile.EMBEDDED);
    }

    private static void applyTheme(Scene scene, ConsolePreferences.Theme theme) {
        scene.getStylesheets().setAll(Objects.requireNonNull(ConsoleApp.class.getResource(theme.stylesheet())).toExternalForm());
    }

    private void restoreBounds(Stage s) {
        ConsolePreferences.WindowBounds w = preferences.window();
        s.setMinWidth(900);
        s.setMinHeight(560);
        if (w != null && w.width() >= 600 && w.height() >= 400
                && !Screen.getScreensForRectangle(new Rectangle2D(w.x(), w.y(), w.width(), w.height())).isEmpty()) {
            s.setX(w.x());
            s.setY(w.y());
            s.setWidth(w.width());
            s.setHeight(w.height());
            s.setMaximized(w.maximized());
        } else {
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            s.setWidth(Math.min(1400, screen.getWidth()));
            s.setHeight(Math.min(860, screen.getHeight()));
        }
    }

    /** First use of the embedded profile without DynamoDB Local: license, consent, install, then connect. */
    private void showDynamoDbLocalSetup() {
        MainViewModel main = model.main();
        DynamoDbLocalSetupViewModel setup = new DynamoDbLocalSetupViewModel(
                DynamoDbLocalInstall.forDataDir(main.directories().dataDir()), work);
        DynamoDbLocalSetupDialog.show(stage, setup, () -> {
            main.dynamoDbLocalMissingProperty().set(false);
            main.connect(main.selectedProfile());
        }, () -> main.dynamoDbLocalMissingProperty().set(false));
    }

    /**
     * The sign-in dialog for the selected profile's AWS profile, with the AWS settings the open table uses (the
     * desktop's own when no table is open); the browser opens through HostServices.
     */
    private void showSignIn(Runnable onSignedIn) {
        MainViewModel main = model.main();
        org.cruddur.console.service.aws.AwsAccess aws = main.table() != null ? main.table().session().aws() : DESKTOP_AWS;
        java.util.function.Consumer<String> openPage = page -> Platform.runLater(() -> getHostServices().showDocument(page));
        org.cruddur.console.ui.signin.SignInDialog.show(stage, new org.cruddur.console.ui.signin.SignInViewModel(aws, work),
                main.awsProfileToSignIn(), openPage, onSignedIn);
    }

    private void showProfiles() {
        if (profilesDialog == null) {
            profilesDialog = new ProfilesDialog(stage, model.profiles());
        }
        profilesDialog.show();
    }

    @Override
    public void stop() {
        if (model == null) {
            return;
        }
        ConnectionProfile p = model.main().selectedProfile();
        var user = model.inbox().selectedUserProperty().get();
        preferences = preferences
                .withLastProfile(p == null ? preferences.lastProfile() : p.name())
                .withLastUser(user == null ? preferences.lastUser() : user.uuid());
        if (stage != null && stage.getWidth() > 0) {
            preferences = preferences.withWindow(new ConsolePreferences.WindowBounds(stage.getX(), stage.getY(),
                    stage.getWidth(), stage.getHeight(), stage.isMaximized()));
        }
        String problem = preferencesFile.save(preferences);
        if (problem != null) {
            LOG.warning(problem); // the window is gone: the log is the one place left to say so
        }
        model.main().close(); // hands the table's closing (DynamoDB Local's process) to its own thread
        work.close();
    }

    public ConsoleModel model() {
        return model;
    }

    public StartupTimes startupTimes() {
        return startup;
    }

    public Stage stage() {
        return stage;
    }
}

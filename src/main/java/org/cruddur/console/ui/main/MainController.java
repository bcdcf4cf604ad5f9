package org.cruddur.console.ui.main;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.StatusBar;
import org.controlsfx.control.ToggleSwitch;
import org.controlsfx.control.action.Action;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.ui.background.WorkDone;
import org.cruddur.console.ui.profiles.ProfileColor;
import org.cruddur.console.ui.connection.TableState;
import org.cruddur.console.ui.background.FxBackgroundWork;
import org.cruddur.console.ui.preferences.ConsolePreferences;
import org.cruddur.console.ui.keys.Shortcut;
import org.cruddur.console.ui.keys.ShortcutSheet;
import org.cruddur.console.ui.view.TextSize;

/** The window shell: top bar, the notification pane (error line, first-start offer), the panes' hosts, status bar, menus and shortcuts. Logic lives in {@link MainViewModel}. */
public final class MainController {

    /** What the shell asks of the application around it. */
    public interface Shell {
        Parent inboxView();

        Parent conversationView();

        Parent composerView();

        Parent rawItemsView();

        Parent userDetailsView();

        Parent adminView();

        Parent operationLogView();

        /** Admin › Health; a placeholder where a shell has none. */
        default Parent healthView() {
            return new javafx.scene.control.Label("Table health is not available here");
        }

        /** The Streams pane; a placeholder where a shell has none. */
        default Parent streamsView() {
            return new javafx.scene.control.Label("Streams are not available here");
        }

        void openProfiles();

        void focusSearch();

        void focusComposer();

        /** The find bar above the thread; none where a shell has no find. */
        default Parent findView() {
            return new javafx.scene.layout.Region();
        }

        /** Ctrl+F: focus the find field of the open conversation. */
        default void focusFind() {
        }

        /** Console › Export conversation… (the open one). */
        default void exportConversation() {
        }

        /** Console › Export person's conversations… (whose inbox is open). */
        default void exportPerson() {
        }

        /** Console › Show log: the log file, with the stack traces of unexpected failures. */
        void showLog();

        void exit();

        /** Console › Sign in to AWS…: the IAM Identity Center sign-in of the selected profile, then {@code onSignedIn}. */
        default void signIn(Runnable onSignedIn) {
        }
    }

    /** Told when the Admin tab comes into view (it loads its first page then, not before). */
    private final Runnable adminShown;
    private final MainViewModel vm;
    private final FxBackgroundWork work;
    private final Shell shell;
    private final ObjectProperty<ConsolePreferences.Theme> theme;
    private final ObjectProperty<TextSize> textSize = new SimpleObjectProperty<>(TextSize.NORMAL);
    private boolean choosingProgrammatically;

    @FXML private javafx.scene.control.MenuBar menuBar;

    @FXML private BorderPane root;
    @FXML private HBox topBar;
    @FXML private ComboBox<ConnectionProfile> profileBox;
    @FXML private Label tableLabel;
    @FXML private Label connectionLabel;
    @FXML private Label awsIdentityLabel;
    @FXML private Label writesBadge;
    @FXML private ToggleSwitch writesSwitch;
    @FXML private ToggleSwitch darkSwitch;
    @FXML private Button refreshButton;
    @FXML private MenuItem followNewestItem;
    @FXML private MenuItem unlockItem;
    @FXML private MenuItem lockItem;
    private FinishedWorkPopups popups;
    @FXML private NotificationPane notificationPane;
    @FXML private StackPane notifiedContent;
    @FXML private TabPane tabs;
    @FXML private Tab messagesTab;
    @FXML private Tab adminTab;
    @FXML private Tab operationLogTab;
    @FXML private StackPane inboxHost;
    @FXML private StackPane findHost;
    @FXML private StackPane conversationHost;
    @FXML private StackPane composerHost;
    @FXML private StackPane rawItemsHost;
    @FXML private StackPane personHost;
    @FXML private TabPane sideTabs;
    @FXML private Tab rawItemsTab;
    @FXML private Tab personTab;
    @FXML private StackPane adminHost;
    @FXML private Tab healthTab;
    @FXML private StackPane healthHost;
    @FXML private StackPane operationLogHost;
    @FXML private Tab streamsTab;
    @FXML private StackPane streamsHost;
    @FXML private StatusBar statusBar;
    @FXML private CheckMenuItem darkThemeItem;
    private boolean syncingWritesSwitch;

    /** What the notification pane can show: one at a time. */
    private enum Notice { ERROR, DEMO_OFFER }

    public MainController(MainViewModel vm, Runnable adminShown, FxBackgroundWork work, Shell shell,
                          ConsolePreferences.Theme initialTheme) {
        this.adminShown = adminShown;
        this.vm = vm;
        this.work = work;
        this.shell = shell;
        this.theme = new SimpleObjectProperty<>(initialTheme);
    }

    public ObjectProperty<ConsolePreferences.Theme> themeProperty() {
        return theme;
    }

    /** The whole window's text size (Ctrl+plus, Ctrl+minus, Ctrl+0); set it to restore a remembered one. */
    public ObjectProperty<TextSize> textSizeProperty() {
        return textSize;
    }

    @FXML
    private void initialize() {
        inboxHost.getChildren().setAll(shell.inboxView());
        findHost.getChildren().setAll(shell.findView());
        conversationHost.getChildren().setAll(shell.conversationView());
        composerHost.getChildren().setAll(shell.composerView());
        rawItemsHost.getChildren().setAll(shell.rawItemsView());
        // views behind tabs that are not shown at start load when first shown: less work before the window appears
        loadWhenFirstShown(personTab, personHost, shell::userDetailsView);
        loadWhenFirstShown(adminTab, adminHost, shell::adminView);
        loadWhenFirstShown(healthTab, healthHost, shell::healthView);
        loadWhenFirstShown(operationLogTab, operationLogHost, shell::operationLogView);
        loadWhenFirstShown(streamsTab, streamsHost, shell::streamsView);

        profileBox.setItems(vm.profiles());
        profileBox.setCellFactory(list -> new ProfileCell());
        profileBox.setButtonCell(new ProfileCell());
        showProfile(vm.selectedProfile());
        // connect only on a committed choice: arrowing through the open list must not connect to each profile (prod!)
        profileBox.setOnAction(e -> {
            if (!profileBox.isShowing()) {
                connectToChosenProfile();
            }
        });
        profileBox.showingProperty().addListener((obs, was, showing) -> {
            if (!showing) {
                connectToChosenProfile();
            }
        });
        vm.selectedProfileProperty().addListener((obs, was, p) -> {
            showProfile(p);
            paintProfile(p);
        });
        // the list is replaced after a profile edit: show the selected one again
        vm.profiles().addListener((javafx.collections.ListChangeListener<ConnectionProfile>) c -> showProfile(vm.selectedProfile()));
        paintProfile(vm.selectedProfile());

        tableLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            ConnectionProfile p = vm.selectedProfile();
            return p == null ? "" : "table " + p.tableName();
        }, vm.selectedProfileProperty()));
        connectionLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.connectionProperty().get().label(), vm.connectionProperty()));
        vm.connectionProperty().addListener((obs, was, state) -> paintConnection(state));
        paintConnection(vm.connectionProperty().get());

        statusBar.setFocusTraversable(false); // it only tells: Tab passes it by
        statusBar.textProperty().bind(vm.statusProperty());
        statusBar.progressProperty().bind(work.currentProgressProperty());
        Label workLabel = new Label();
        workLabel.getStyleClass().add("work-title");
        workLabel.textProperty().bind(work.currentTitleProperty());
        statusBar.getRightItems().setAll(workLabel);

        writesBadge.textProperty().bind(Bindings.createStringBinding(() -> {
            if (vm.table() == null) {
                return "";
            }
            if (!vm.writesAllowedProperty().get()) {
                return "READ-ONLY";
            }
            return vm.writesLockedByDefault() ? "WRITES UNLOCKED" : "writes allowed";
        }, vm.writesAllowedProperty(), vm.tableProperty(), vm.selectedProfileProperty()));
        writesBadge.visibleProperty().bind(writesBadge.textProperty().isNotEmpty());
        writesBadge.managedProperty().bind(writesBadge.visibleProperty());
        vm.writesAllowedProperty().addListener((obs, was, now) -> paintWrites());
        vm.tableProperty().addListener((obs, was, now) -> paintWrites());
        paintWrites();
        writesSwitch.visibleProperty().bind(vm.tableProperty().isNotNull());
        writesSwitch.managedProperty().bind(writesSwitch.visibleProperty());
        // a profile that does not lock writes by default (embedded, local endpoints) has no lock to turn
        writesSwitch.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.writesLockedByDefault(), vm.selectedProfileProperty()));
        writesSwitch.setSelected(vm.writesAllowedProperty().get());
        vm.writesAllowedProperty().addListener((obs, was, allowed) -> showWritesAllowed(allowed));
        // flipping the switch asks as the menu items do (unlocking confirms first); it shows the lock as it then is
        writesSwitch.selectedProperty().addListener((obs, was, wanted) -> {
            if (syncingWritesSwitch || wanted == vm.writesAllowedProperty().get()) {
                return;
            }
            showWritesAllowed(vm.writesAllowedProperty().get());
            Platform.runLater(wanted ? this::unlockWrites : this::lockWrites);
        });
        togglesWhereverClicked(writesSwitch);
        togglesWhereverClicked(darkSwitch);
        unlockItem.disableProperty().bind(vm.writesAllowedProperty().or(vm.tableProperty().isNull()));
        lockItem.disableProperty().bind(vm.writesAllowedProperty().not());

        notificationPane.skinProperty().addListener((obs, was, skin) -> pushContentBelowTheBar());
        notificationPane.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcutsReachTheWindow);
        vm.errorProperty().addListener((obs, was, now) -> showNotice());
        vm.signInOfferedProperty().addListener((obs, was, now) -> showNotice());
        vm.offerDemoDataProperty().addListener((obs, was, now) -> showNotice());
        vm.demoLoadingProperty().addListener((obs, was, now) -> showNotice());
        vm.tableStateProperty().addListener((obs, was, now) -> showNotice());
        vm.selectedProfileProperty().addListener((obs, was, now) -> showNotice());
        showNotice();
        awsIdentityLabel.textProperty().bind(vm.awsIdentityProperty());
        awsIdentityLabel.visibleProperty().bind(vm.awsIdentityProperty().isNotEmpty());
        awsIdentityLabel.managedProperty().bind(awsIdentityLabel.visibleProperty());
        // on a narrow window the identity gives way first: the bar's captions and buttons keep their whole text
        topBar.getChildren().stream().filter(n -> n != awsIdentityLabel)
                .filter(n -> n instanceof javafx.scene.control.Labeled)
                .forEach(n -> ((javafx.scene.layout.Region) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE));
        awsIdentityLabel.setTooltip(new javafx.scene.control.Tooltip());
        awsIdentityLabel.getTooltip().textProperty().bind(Bindings.concat("On AWS as ", vm.awsIdentityProperty()));

        DesktopFiles files = new DesktopFiles(work, vm::report);
        popups = new FinishedWorkPopups(() -> root.getScene() == null ? null : root.getScene().getWindow(), this::showPlace, files);
        popups.follow(vm.finishedWork());
        followNewestItem.disableProperty().bind(popups.newestProperty().isNull());

        tabs.getSelectionModel().selectedItemProperty().addListener((obs, was, tab) -> {
            if (tab == adminTab) {
                adminShown.run();
            }
        });

        installShortcuts();
        root.styleProperty().bind(Bindings.createStringBinding(() -> textSize.get().rootStyle(), textSize));
        textSize.addListener((obs, was, now) -> TextSize.shownProperty().set(now));
        TextSize.shownProperty().set(textSize.get());
        describeForScreenReaders();

        darkThemeItem.setSelected(theme.get() == ConsolePreferences.Theme.DARK);
        darkThemeItem.selectedProperty().addListener((obs, was, dark) ->
                theme.set(dark ? ConsolePreferences.Theme.DARK : ConsolePreferences.Theme.LIGHT));
        darkSwitch.selectedProperty().bindBidirectional(darkThemeItem.selectedProperty());
    }

    /** Sets the Writes switch to the lock's state without that counting as the person flipping it. */
    private void showWritesAllowed(boolean allowed) {
        syncingWritesSwitch = true;
        try {
            writesSwitch.setSelected(allowed);
        } finally {
            syncingWritesSwitch = false;
        }
    }

    /**
     * The error line, else the first-start offer, in the notification pane with their actions; hidden when neither
     * applies. An error shown again in place keeps the pane where it is (no slide out and in).
     */
    private void showNotice() {
        String error = vm.errorProperty().get();
        if (error != null && !error.isEmpty()) {
            List<Action> actions = new ArrayList<>();
            if (vm.signInOfferedProperty().get()) {
                actions.add(noticeAction("Sign in again…", "sign-in-action", this::signIn));
            }
            actions.add(noticeAction("Retry", "retry-action", this::refresh));
            actions.add(noticeAction("Dismiss", "dismiss-action", this::dismissError));
            Label icon = new Label("⚠");
            icon.getStyleClass().add("error-icon");
            present(Notice.ERROR, error, icon, actions);
            return;
        }
        if (vm.offerDemoDataProperty().get() || vm.demoLoadingProperty().get()) {
            Action load = noticeAction("Load schema and seed demo data", "demo-action", this::loadDemoData);
            load.disabledProperty().bind(vm.demoLoadingProperty());
            javafx.scene.Node graphic;
            if (vm.demoLoadingProperty().get()) {
                ProgressBar progress = new ProgressBar();
                progress.setPrefWidth(160);
                progress.progressProperty().bind(vm.demoProgressProperty());
                graphic = progress;
            } else {
                Label icon = new Label("ℹ");
                icon.getStyleClass().add("offer-icon");
                graphic = icon;
            }
            present(Notice.DEMO_OFFER, demoText(), graphic, List.of(load));
            return;
        }
        notificationPane.hide();
    }

    private void present(Notice kind, String text, javafx.scene.Node graphic, List<Action> actions) {
        notificationPane.getStyleClass().removeAll("error-notice", "offer-notice");
        notificationPane.getStyleClass().add(kind == Notice.ERROR ? "error-notice" : "offer-notice");
        notificationPane.setText(text);
        notificationPane.setGraphic(graphic);
        notificationPane.getActions().setAll(actions);
        if (!notificationPane.isShowing()) {
            notificationPane.show();
        }
    }

    private String demoText() {
        String table = vm.selectedProfile() == null ? "" : vm.selectedProfile().tableName();
        if (vm.demoLoadingProperty().get()) {
            return "Loading the schema and " + MainViewModel.DEMO_CONVERSATIONS + " demo conversations into '" + table + "'…";
        }
        return (vm.tableStateProperty().get() == TableState.MISSING ? "The table '" + table + "' does not exist yet."
                : "The table '" + table + "' is empty.")
                + " Load the schema and " + MainViewModel.DEMO_CONVERSATIONS + " demo conversations to look around.";
    }

    private static Action noticeAction(String text, String styleClass, Runnable run) {
        Action a = new Action(text, e -> run.run());
        a.getStyleClass().add(styleClass);
        return a;
    }

    /**
     * The pane slides its bar over the top of what it holds; here the panes move down by the bar's height instead, so
     * the bar never hides the tabs or the people search while it is shown.
     */
    private void pushContentBelowTheBar() {
        javafx.scene.Node bar = notificationPane.lookup(".notification-bar");
        if (bar instanceof javafx.scene.layout.Region region) {
            notifiedContent.paddingProperty().bind(Bindings.createObjectBinding(
                    () -> new Insets(region.getHeight(), 0, 0, 0), region.heightProperty()));
        }
    }

    /**
     * ControlsFX's notification bar consumes every key pressed inside it, so with the focus on Retry the window's
     * shortcuts (F5, Ctrl+Q…) would do nothing: they are run here before the bar sees the key.
     */
    private void shortcutsReachTheWindow(KeyEvent e) {
        if (!(e.getTarget() instanceof javafx.scene.Node target) || notificationPane.getScene() == null || !insideBar(target)) {
            return;
        }
        for (var shortcut : notificationPane.getScene().getAccelerators().entrySet()) {
            if (shortcut.getKey().match(e)) {
                e.consume();
                shortcut.getValue().run();
                return;
            }
        }
    }

    private static boolean insideBar(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (n.getStyleClass().contains("notification-bar")) {
                return true;
            }
        }
        return false;
    }

    /** ControlsFX's switch flips only on its track; a click on its caption flips it too (Space does already). */
    private static void togglesWhereverClicked(ToggleSwitch toggle) {
        toggle.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (e.getButton() != MouseButton.PRIMARY || !toggle.contains(e.getX(), e.getY())) {
                return;
            }
            for (javafx.scene.Node n = e.getPickResult().getIntersectedNode(); n != null && n != toggle; n = n.getParent()) {
                if (n.getStyleClass().contains("thumb-area") || n.getStyleClass().contains("thumb")) {
                    return; // the switch's own handler flips it
                }
            }
            toggle.setSelected(!toggle.isSelected());
        });
    }

    /** Brings forward the pane that shows finished work's result. */
    private void showPlace(WorkDone.Place place) {
        switch (place) {
            case MESSAGES -> showMessages();
            case ADMIN -> showAdmin();
            case HEALTH -> showHealth();
            case NONE -> { }
        }
    }

    /**
     * Gives each menu item its key from {@link Shortcut} (found by the item's id) and puts the other keys that do the
     * same (numpad plus, Ctrl+Shift+=) on the scene. A table entry without its menu item is a mistake: it fails here.
     */
    private void installShortcuts() {
        java.util.Map<String, MenuItem> items = new java.util.HashMap<>();
        menuBar.getMenus().forEach(m -> collectItems(m, items));
        for (Shortcut s : Shortcut.values()) {
            if (s.menuItemId() == null) {
                continue; // handled by its pane (the composer's send, the thread's bubble menu)
            }
            MenuItem item = items.get(s.menuItemId());
            if (item == null) {
                throw new IllegalStateException("Shortcut " + s + ": no menu item with id '" + s.menuItemId() + "'");
            }
            item.setAccelerator(s.primary());
            if (s.group() == Shortcut.Group.PANES) {
                // the keyboard goes with the eye: into the pane just brought forward (after it loaded, if first shown)
                item.addEventHandler(javafx.event.ActionEvent.ACTION, e -> Platform.runLater(() -> {
                    Tab shown = tabs.getSelectionModel().getSelectedItem();
                    if (shown != null) {
                        org.cruddur.console.ui.view.KeyboardFocus.moveInto(shown.getContent());
                    }
                }));
            }
        }
        root.sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null) {
                for (Shortcut s : Shortcut.values()) {
                    MenuItem item = s.menuItemId() == null ? null : items.get(s.menuItemId());
                    if (item != null) {
                        s.alternates().forEach(k -> scene.getAccelerators().put(k, () -> {
                            if (!item.isDisable()) {
                                item.fire();
                            }
                        }));
                    }
                }
            }
        });
    }

    private static void collectItems(MenuItem item, java.util.Map<String, MenuItem> into) {
        if (item.getId() != null) {
            into.put(item.getId(), item);
        }
        if (item instanceof javafx.scene.control.Menu m) {
            m.getItems().forEach(i -> collectItems(i, into));
        }
    }

    /** What a screen reader says for the bar's controls whose text alone does not tell (or that have none). */
    private void describeForScreenReaders() {
        profileBox.accessibleTextProperty().bind(Bindings.createStringBinding(() -> {
            ConnectionProfile p = vm.selectedProfile();
            return "Connection profile" + (p == null ? "" : ": " + ProfileColor.describe(p) + ", " + ProfileColor.of(p).meaning());
        }, vm.selectedProfileProperty()));
        profileBox.setAccessibleHelp("Choosing another profile connects to it. " + Shortcut.PROFILES.keyText() + " edits the profiles.");
        connectionLabel.accessibleTextProperty().bind(Bindings.concat("Connection: ", connectionLabel.textProperty()));
        writesBadge.accessibleTextProperty().bind(Bindings.concat("Writes: ", writesBadge.textProperty()));
        writesSwitch.setAccessibleText("Writes allowed");
        writesSwitch.setAccessibleHelp(Shortcut.UNLOCK_WRITES.keyText() + " allows writes (asks first; they stay allowed until you lock"
                + " them or switch profile), " + Shortcut.LOCK_WRITES.keyText() + " locks them again.");
        darkSwitch.setAccessibleText("Dark theme");
        darkSwitch.setAccessibleHelp(Shortcut.DARK_THEME.keyText());
        refreshButton.setAccessibleHelp(Shortcut.REFRESH.keyText() + ". Reconnects if needed and reloads.");
        statusBar.accessibleTextProperty().bind(Bindings.concat("Status: ", statusBar.textProperty()));
        statusBar.accessibleHelpProperty().bind(work.currentTitleProperty());
    }

    private static void loadWhenFirstShown(Tab tab, StackPane host, java.util.function.Supplier<Parent> view) {
        if (tab.isSelected()) {
            host.getChildren().setAll(view.get());
            return;
        }
        ChangeListener<Boolean> onFirstShow = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean selected) {
                if (selected && host.getChildren().isEmpty()) {
                    tab.selectedProperty().removeListener(this);
                    host.getChildren().setAll(view.get());
                }
            }
        };
        tab.selectedProperty().addListener(onFirstShow);
    }

    private void connectToChosenProfile() {
        ConnectionProfile chosen = profileBox.getValue();
        if (!choosingProgrammatically && chosen != null && !chosen.equals(vm.selectedProfile())) {
            vm.connect(chosen);
        }
    }

    /** Selects a profile in the box without connecting (the application connects once at start). */
    public void showProfile(ConnectionProfile p) {
        choosingProgrammatically = true;
        try {
            profileBox.setValue(p);
        } finally {
            choosingProgrammatically = false;
        }
    }

    private void paintProfile(ConnectionProfile p) {
        for (ProfileColor c : ProfileColor.values()) {
            topBar.getStyleClass().remove(c.styleClass());
        }
        topBar.getStyleClass().add(ProfileColor.of(p).styleClass());
    }

    private void paintConnection(ConnectionState state) {
        connectionLabel.getStyleClass().removeAll("state-ok", "state-failed", "state-busy");
        connectionLabel.getStyleClass().add(switch (state) {
            case CONNECTED -> "state-ok";
            case FAILED -> "state-failed";
            default -> "state-busy";
        });
    }

    private void paintWrites() {
        writesBadge.getStyleClass().removeAll("badge-read-only", "badge-unlocked", "badge-writable");
        if (!vm.writesAllowedProperty().get()) {
            writesBadge.getStyleClass().add("badge-read-only");
        } else {
            writesBadge.getStyleClass().add(vm.writesLockedByDefault() ? "badge-unlocked" : "badge-writable");
        }
    }

    @FXML
    private void unlockWrites() {
        if (vm.table() == null) {
            return;
        }
        ConnectionProfile p = vm.selectedProfile();
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION);
        confirm.initOwner(root.getScene().getWindow());
        confirm.setTitle("Unlock writes");
        confirm.setHeaderText("Allow writes to '" + p.tableName() + "' through profile '" + p.name() + "'?");
        confirm.setContentText((p.onAws() ? "This is REAL AWS. " : "This profile is read-only. ")
                + "Posts, seeds, schema changes and drops will be sent until you lock writes again or switch profile.");
        ButtonType unlock = new ButtonType("Unlock writes", ButtonBar.ButtonData.OK_DONE);
        confirm.getButtonTypes().setAll(unlock, ButtonType.CANCEL);
        confirm.getDialogPane().lookupButton(ButtonType.CANCEL).setId("cancelUnlock");
        confirm.getDialogPane().lookupButton(unlock).setId("confirmUnlock");
        ((Button) confirm.getDialogPane().lookupButton(unlock)).setDefaultButton(false);
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        Optional<ButtonType> answer = confirm.showAndWait();
        if (answer.isPresent() && answer.get() == unlock) {
            vm.unlockWrites();
        }
    }

    @FXML
    private void lockWrites() {
        vm.lockWrites();
    }

    @FXML
    private void refresh() {
        vm.refresh();
    }

    /** Signs in to AWS (IAM Identity Center) and then runs again what failed for want of it; nothing on screen is lost. */
    @FXML
    private void signIn() {
        if (!vm.onAws()) {
            vm.report("Profile '" + (vm.selectedProfile() == null ? "" : vm.selectedProfile().name())
                    + "' is not on AWS: there is nothing to sign in to");
            return;
        }
        shell.signIn(vm::signedIn);
    }

    @FXML
    private void dismissError() {
        vm.dismissError();
    }

    @FXML
    private void loadDemoData() {
        if (!vm.writesAllowedProperty().get()) {
            vm.report("Profile '" + (vm.selectedProfile() == null ? "" : vm.selectedProfile().name())
                    + "' is read-only: unlock writes first");
            return;
        }
        vm.loadDemoData();
    }

    @FXML
    private void textLarger() {
        textSize.set(textSize.get().larger());
    }

    @FXML
    private void textSmaller() {
        textSize.set(textSize.get().smaller());
    }

    @FXML
    private void textActual() {
        textSize.set(TextSize.NORMAL);
    }

    /** Help › Keyboard shortcuts: the sheet made from {@link Shortcut}, so it lists exactly the keys installed. */
    @FXML
    private void showKeyboardShortcuts() {
        ShortcutSheet.show(root.getScene() == null ? null : root.getScene().getWindow());
    }

    @FXML
    private void openProfiles() {
        shell.openProfiles();
    }

    @FXML
    private void showLog() {
        shell.showLog();
    }

    @FXML
    private void exit() {
        shell.exit();
    }

    @FXML
    private void focusSearch() {
        tabs.getSelectionModel().select(messagesTab);
        Platform.runLater(shell::focusSearch);
    }

    @FXML
    private void focusFind() {
        tabs.getSelectionModel().select(messagesTab);
        Platform.runLater(shell::focusFind);
    }

    @FXML
    private void exportConversation() {
        shell.exportConversation();
    }

    @FXML
    private void exportPerson() {
        shell.exportPerson();
    }

    /** The keyboard's way to what the newest finished-work popup offers (its buttons are for the mouse). */
    @FXML
    private void followNewestResult() {
        popups.followNewest();
    }

    @FXML
    private void focusComposer() {
        tabs.getSelectionModel().select(messagesTab);
        Platform.runLater(shell::focusComposer);
    }

    @FXML
    public void showMessages() {
        tabs.getSelectionModel().select(messagesTab);
    }

    /** Brings the picked person's details forward (the right column's Person tab). */
    @FXML
    public void showPerson() {
        tabs.getSelectionModel().select(messagesTab);
        sideTabs.getSelectionModel().select(personTab);
    }

    /** Brings the thread's raw items forward again. */
    public void showRawItems() {
        sideTabs.getSelectionModel().select(rawItemsTab);
    }

    @FXML
    private void showAdmin() {
        tabs.getSelectionModel().select(adminTab);
    }

    /** Brings the Streams pane forward (Ctrl+5: Ctrl+4 is Admin › Health). */
    @FXML
    public void showStreams() {
        tabs.getSelectionModel().select(streamsTab);
    }

    /** Whether the Streams pane is in view: it reads the stream only then. */
    public javafx.beans.property.ReadOnlyBooleanProperty streamsShownProperty() {
        return streamsTab.selectedProperty();
    }

    /** Brings Admin › Health forward (Ctrl+4; also when a view asks to open the pane at a finding). */
    @FXML
    public void showHealth() {
        tabs.getSelectionModel().select(healthTab);
    }

    @FXML
    private void showOperationLog() {
        tabs.getSelectionModel().select(operationLogTab);
    }

    /** A profile in the selector: a coloured dot and its description. */
    private static final class ProfileCell extends ListCell<ConnectionProfile> {
        @Override
        protected void updateItem(ConnectionProfile p, boolean empty) {
            super.updateItem(p, empty);
            if (empty || p == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(ProfileColor.describe(p));
            Circle dot = new Circle(5);
            dot.getStyleClass().addAll("profile-dot", ProfileColor.of(p).styleClass());
            setGraphic(dot);
        }
    }
}

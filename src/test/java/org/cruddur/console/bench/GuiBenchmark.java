package org.cruddur.console.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.cruddur.console.config.AppDirectories;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.service.seeding.SeedUsers;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.dynamodblocal.EmbeddedDynamoDbLocal;
import org.cruddur.console.testing.DynamoDbLocalProcesses;
import org.cruddur.console.ui.ConsoleApp;
import org.cruddur.console.ui.conversation.ConversationViewModel;
import org.cruddur.console.ui.preferences.ConsolePreferences;
import org.cruddur.console.ui.preferences.PreferencesFile;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The desktop console at scale (issue 6, item 5): launch to visible window and to first rendered conversation of the
 * real app jar, and the heap after scrolling a long conversation from newest to oldest.
 *
 * <ol>
 *   <li>Prepares, off-screen through the CLI, a data folder whose embedded database holds one conversation of
 *   {@code bench.gui.messages} messages (default 100,000) between the first two seed users, with the first one
 *   remembered as last user, so the app opens that conversation at start. Seeding 100k messages into the disk-backed
 *   DynamoDB Local takes many minutes on a small machine, so the folder ({@code target/bench-gui-data/<N>}) is kept
 *   and reused when it already holds the conversation.</li>
 *   <li>Launches the console as a child process five times each way (two in CI's quick run): {@code java -cp
 *   cruddur-console.jar} with plain defaults and with the installed launcher's JVM options (headless: Monocle on the
 *   classpath, the same flags as the UI tests), the installed app-image's own launcher under Xvfb when both exist, and
 *   the launcher's options with a DynamoDB Local already running on the folder (the console borrows it); reads the
 *   StartupTimes lines it logs; medians. After each launch no DynamoDB Local may be left on the folder.</li>
 *   <li>Opens the console in this JVM (headless too) on the same folder, reads every older page until none is left,
 *   as scrolling to the top does, and reports the heap used after a full GC and how long the scroll took.</li>
 * </ol>
 * Results: target/bench/gui-results.json, and rows appended to target/bench/BENCHMARKS.md when it exists. Timing is
 * reported, never asserted.
 *
 * <p>Run: {@code mvn -B -Pbench -DskipTests verify -Dbench.console.skip=true} (add {@code -Dbench.gui.messages=2000}
 * for a small run; {@code -Dbench.quick=true} without a size also means 2,000).
 */
public final class GuiBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern WINDOW = Pattern.compile("startup: window visible (\\d+) ms after launch");
    private static final Pattern CONVERSATION = Pattern.compile("startup: first conversation rendered (\\d+) ms after launch");
    // five for the medians; CI's quick run (which only keeps the harness working) two
    private static final int LAUNCHES = Boolean.getBoolean("bench.quick") ? 2 : 5;
    private static final long LAUNCH_TIMEOUT_SECONDS = 300;

    private final int messages;
    private final Path jar;
    private final Path home;
    private final Path out;
    private final ChatUser viewer = SeedUsers.DEFAULT.get(0);

    GuiBenchmark(int messages, Path jar, Path home, Path out) {
        this.messages = messages;
        this.jar = jar;
        this.home = home;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        String size = System.getProperty("bench.gui.messages", "").trim();
        // CI's quick run keeps to a size seeded in seconds; a real run uses the 100,000
        int messages = !size.isEmpty() ? Integer.parseInt(size) : Boolean.getBoolean("bench.quick") ? 2_000 : 100_000;
        Path target = Path.of("target").toAbsolutePath();
        GuiBenchmark bench = new GuiBenchmark(messages, target.resolve("cruddur-console.jar"),
                target.resolve("bench-gui-data").resolve(Integer.toString(messages)), target.resolve("bench"));
        int status = 0;
        try {
            bench.run();
        } catch (Exception e) {
            System.err.println("gui benchmark failed: " + e);
            e.printStackTrace();
            status = 1;
        }
        // the JavaFX toolkit keeps non-daemon threads: end the JVM ourselves
        System.exit(status);
    }

    void run() throws Exception {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run mvn package first");
        }
        Files.createDirectories(out);
        long prepareStart = System.nanoTime();
        String prepared = prepare();
        long prepareMillis = (System.nanoTime() - prepareStart) / 1_000_000;
        log("data: " + prepared + " (" + prepareMillis + " ms)");

        List<Launches> launches = new ArrayList<>();
        for (LaunchFlags flags : launchFlags()) {
            // "already running": a DynamoDB Local held on the data folder, which the launched console borrows
            try (EmbeddedDynamoDbLocal running = flags.serverRunning() ? EmbeddedDynamoDbLocal.start(dirs().dataDir(), s -> { }) : null) {
                Launches l = new Launches(flags, new long[LAUNCHES], new long[LAUNCHES], new long[LAUNCHES], new long[LAUNCHES]);
                for (int i = 0; i < LAUNCHES; i++) {
                    String archives = dynamoDbLocalArchives(flags.firstStart());
                    long[] times = launchOnce(launches.size() * LAUNCHES + i + 1, flags);
                    l.window()[i] = times[0];
                    l.conversation()[i] = times[1];
                    l.jvmWindow()[i] = times[2];
                    l.jvmConversation()[i] = times[3];
                    log(flags.name() + ", launch " + (i + 1) + ": window " + times[0] + " ms, first conversation " + times[1]
                            + " ms (the console's own clock: " + times[2] + " / " + times[3] + " ms; " + archives + ")");
                    if (running == null) {
                        checkNoServerLeft("after launch " + (i + 1) + " (" + flags.name() + ")");
                    }
                }
                launches.add(l);
            }
        }
        Map<String, Object> scroll = scrollNewestToOldest();
        checkNoServerLeft("at the end");
        write(prepared, prepareMillis, launches, scroll);
    }

    /**
     * The class-data archives of DynamoDB Local's child on the data folder (one per runtime that started it), deleted
     * first for a first-start launch; says which were there, so a row's archive state is on record.
     */
    private String dynamoDbLocalArchives(boolean delete) throws IOException {
        Path folder = dirs().dataDir().resolve("dynamodb-local-launcher");
        List<Path> archives;
        try (var found = Files.list(folder)) {
            archives = found.filter(p -> p.getFileName().toString().endsWith(".jsa")).toList();
        } catch (java.nio.file.NoSuchFileException none) {
            archives = List.of();
        }
        if (delete) {
            for (Path archive : archives) {
                Files.deleteIfExists(archive);
            }
            return "DynamoDB Local archives deleted: " + archives.size();
        }
        return "DynamoDB Local archives present: " + archives.size();
    }

    /** The console's DynamoDB Local must not outlive it: none may be left on the data folder once it stopped. */
    private void checkNoServerLeft(String when) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<ProcessHandle> left;
        do {
            left = DynamoDbLocalProcesses.on(dirs().dataDir());
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        left.forEach(ProcessHandle::destroyForcibly);
        throw new IllegalStateException("DynamoDB Local processes left on " + dirs().dataDir() + " " + when + ": "
                + left.stream().map(ProcessHandle::pid).toList());
    }

    /**
     * How a launch runs: JVM options for {@code java -cp cruddur-console.jar}, or the installed app-image's own launcher
     * (a native program with its jlinked runtime, shown under Xvfb); with or without a DynamoDB Local already running.
     */
    record LaunchFlags(String name, List<String> options, Path appImageLauncher, boolean serverRunning, boolean firstStart) {
        LaunchFlags(String name, List<String> options) {
            this(name, options, null, false, false);
        }

        LaunchFlags(String name, List<String> options, Path appImageLauncher, boolean serverRunning) {
            this(name, options, appImageLauncher, serverRunning, false);
        }
    }

    /**
     * Times per launch, from the benchmark's own clock (spawn of the process → the console's log line read), which
     * counts what the console's own clock cannot (the native launcher, the JVM's creation); and the console's figures
     * (from the JVM's start), the ones the earlier runs reported.
     */
    record Launches(LaunchFlags flags, long[] window, long[] conversation, long[] jvmWindow, long[] jvmConversation) {
    }

    /** The installed launcher's start-up options come from the pom (bench.gui.jvmOptions), the one place they are set. */
    private static List<LaunchFlags> launchFlags() {
        List<LaunchFlags> all = new ArrayList<>(List.of(new LaunchFlags("java defaults", List.of())));
        String launcher = System.getProperty("bench.gui.jvmOptions", "").trim();
        List<String> launcherOptions = launcher.isEmpty() ? List.of() : List.of(launcher.split("\\s+"));
        if (!launcher.isEmpty()) {
            all.add(new LaunchFlags("installed launcher's options (" + launcher + ")", launcherOptions));
        }
        Path appImage = Path.of("target", "installer", "app-image", "cruddur-console", "bin", "cruddur-console").toAbsolutePath();
        boolean appImageMeasured = Files.isExecutable(appImage) && XVFB.isPresent();
        if (appImageMeasured) {
            all.add(new LaunchFlags("installed app-image launcher (Xvfb)", List.of(), appImage, false));
            // its first start on a data folder: DynamoDB Local's class-data archive for this runtime is not made yet
            all.add(new LaunchFlags("installed app-image launcher, first start (no DynamoDB Local class-data archive yet)", List.of(),
                    appImage, false, true));
            // issue 12: the same app-image with its ahead-of-time cache ignored, to show what the cache gives
            if (Files.isRegularFile(appImage.getParent().resolveSibling("lib").resolve("app").resolve("cruddur-console.aot"))) {
                all.add(new LaunchFlags("installed app-image launcher, its AOT cache off (-XX:AOTMode=off)", List.of("-XX:AOTMode=off"), appImage, false));
            }
        } else {
            log("no app-image launcher measured: needs " + appImage + " (mvn -Pinstaller package) and Xvfb");
        }
        all.add(new LaunchFlags("java defaults, DynamoDB Local already running", List.of(), null, true));
        all.add(new LaunchFlags("installed launcher's options, DynamoDB Local already running", launcherOptions, null, true));
        if (appImageMeasured) {
            all.add(new LaunchFlags("installed app-image launcher, DynamoDB Local already running", List.of(), appImage, true));
        }
        return all;
    }

    private static final java.util.Optional<Path> XVFB = java.util.stream.Stream.of("/usr/bin/Xvfb", "/usr/local/bin/Xvfb")
            .map(Path::of).filter(Files::isExecutable).findFirst();
    private static final java.util.Optional<Path> XDOTOOL = java.util.stream.Stream.of("/usr/bin/xdotool", "/usr/local/bin/xdotool")
            .map(Path::of).filter(Files::isExecutable).findFirst();

    // ---- data ---------------------------------------------------------------------------------------------------

    private AppDirectories dirs() {
        return new AppDirectories(home.resolve("config"), home.resolve("data"));
    }

    /** Makes sure the folder holds the conversation (seeding it through the CLI when not), and remembers the viewer. */
    private String prepare() throws Exception {
        Files.createDirectories(home);
        long held = countMessages();
        String how;
        if (held == messages) {
            how = "reused";
        } else {
            log("seeding " + messages + " messages into " + home + " through the CLI (held " + Math.max(held, 0) + ")…");
            cli("ddb", "schema-load");
            cli("ddb", "seed", "--conversations", "1", "--messages", Integer.toString(messages));
            held = countMessages();
            if (held != messages) {
                throw new IllegalStateException("after seeding, the conversation holds " + held + " messages, not " + messages);
            }
            how = "seeded";
        }
        // the app opens the last user's newest conversation: that is the long one
        PreferencesFile prefs = new PreferencesFile(dirs().preferencesFile());
        prefs.save(new ConsolePreferences(null, null, ConnectionProfile.EMBEDDED.name(), viewer.uuid()));
        return how + ": one conversation of " + messages + " messages in " + home;
    }

    /** Messages in the viewer's newest conversation, or -1 when there is no table or conversation yet. */
    private long countMessages() {
        if (!Files.isDirectory(dirs().embeddedDatabaseDir())) {
            return -1;
        }
        try (MessagesTable t = MessagesTable.open(ConnectionProfile.EMBEDDED, dirs(), false, s -> { })) {
            if (!t.schema().exists()) {
                return -1;
            }
            List<MessageGroupRow> rows = t.inbox().page(viewer.uuid(), 1, null).rows();
            if (rows.isEmpty()) {
                return -1;
            }
            QueryRequest count = QueryRequest.builder().tableName(t.session().tableName())
                    .keyConditionExpression("pk = :pk").select(Select.COUNT)
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableItems.MESSAGE_PREFIX + rows.get(0).messageGroupUuid())))
                    .build();
            return t.session().call(c -> c.queryPaginator(count).stream().mapToLong(r -> r.count()).sum());
        }
    }

    private void cli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        pb.environment().put(AppDirectories.HOME_VARIABLE, home.toString());
        int exit = pb.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", args) + " failed with exit status " + exit);
        }
    }

    // ---- launch -------------------------------------------------------------------------------------------------

    /** One launch of the real app; returns {window ms, first conversation ms} from its log. */
    private long[] launchOnce(int n, LaunchFlags flags) throws Exception {
        String startupLog = "-Dorg.slf4j.simpleLogger.log.org.cruddur.console.ui.startup.StartupTimes=info";
        ProcessBuilder pb;
        Process xvfb = null;
        if (flags.appImageLauncher() != null) {
            // the native launcher takes no JVM options from its command line; the JVM itself reads JAVA_TOOL_OPTIONS
            pb = new ProcessBuilder(flags.appImageLauncher().toString());
            // (DynamoDB Local's child inherits JAVA_TOOL_OPTIONS too; -XX:AOTMode=off is harmless there)
            pb.environment().put("JAVA_TOOL_OPTIONS", String.join(" ", flags.options()) + " " + startupLog);
            int display = 90 + n;
            xvfb = new ProcessBuilder(XVFB.get().toString(), ":" + display, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(out.resolve("xvfb.log").toFile()).start();
            Thread.sleep(500);
            pb.environment().put("DISPLAY", ":" + display);
        } else {
            List<String> command = new ArrayList<>(List.of(javaBinary()));
            command.addAll(flags.options());
            command.addAll(headlessFlags());
            command.add(startupLog);
            // the app jar (its manifest brings lib/) plus Monocle, which the headless glass platform needs
            command.addAll(List.of("-cp", jar + File.pathSeparator + monocleJar(), "org.cruddur.console.Launcher"));
            pb = new ProcessBuilder(command);
        }
        pb.redirectErrorStream(true);
        pb.environment().put(AppDirectories.HOME_VARIABLE, home.toString());
        long spawned = System.currentTimeMillis();
        Process app = pb.start();
        Path logFile = out.resolve("gui-launch-" + n + ".log");
        CompletableFuture<long[]> times = CompletableFuture.supplyAsync(() -> readTimes(app, logFile, spawned));
        try {
            return times.get(LAUNCH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } finally {
            stop(app, xvfb == null ? null : pb.environment().get("DISPLAY"));
            if (xvfb != null) {
                xvfb.destroy();
                xvfb.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** {window, first conversation} on the benchmark's clock from {@code spawned}, then the same two on the console's. */
    private static long[] readTimes(Process app, Path logFile, long spawned) {
        long window = -1;
        long windowSeen = -1;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
             var log = Files.newBufferedWriter(logFile)) {
            String line;
            while ((line = lines.readLine()) != null) {
                log.write(line);
                log.newLine();
                Matcher w = WINDOW.matcher(line);
                if (w.find()) {
                    windowSeen = System.currentTimeMillis() - spawned;
                    window = Long.parseLong(w.group(1));
                }
                Matcher c = CONVERSATION.matcher(line);
                if (c.find()) {
                    long conversationSeen = System.currentTimeMillis() - spawned;
                    log.flush();
                    // keep draining the console's output, or it blocks on a full pipe while it stops
                    Thread drain = new Thread(() -> {
                        try {
                            app.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                        } catch (IOException ended) {
                            // the console is gone
                        }
                    }, "drain-console-output");
                    drain.setDaemon(true);
                    drain.start();
                    return new long[] {windowSeen, conversationSeen, window, Long.parseLong(c.group(1))};
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the console's log: " + e.getMessage(), e);
        }
        throw new IllegalStateException("The console ended (exit " + app.exitValue() + ") before rendering a conversation; see " + logFile);
    }

    /**
     * Ends the launched console. With a display, the way a person does (Ctrl+Q): the console then stops its DynamoDB
     * Local on purpose, which writes that child's class-data archive on its first run, so the next launch starts as a
     * person's second start does. Without one (headless), a normal termination: the shutdown hook stops the child.
     */
    private static void stop(Process app, String display) throws InterruptedException {
        if (display != null && XDOTOOL.isPresent() && app.isAlive()) {
            try {
                ProcessBuilder key = new ProcessBuilder(XDOTOOL.get().toString(), "key", "ctrl+q").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
                key.environment().put("DISPLAY", display);
                key.start().waitFor(10, TimeUnit.SECONDS);
            } catch (IOException e) {
                log("xdotool failed: " + e.getMessage());
            }
            if (app.waitFor(30, TimeUnit.SECONDS)) {
                return;
            }
            log("the console did not exit on Ctrl+Q within 30 s; terminating it");
        }
        app.destroy(); // SIGTERM: the app's shutdown hook stops its DynamoDB Local child
        if (!app.waitFor(20, TimeUnit.SECONDS)) {
            app.destroyForcibly();
            app.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static List<String> headlessFlags() {
        return List.of("-Dtestfx.headless=true", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Dprism.text=t2k", "-Djava.awt.headless=true");
    }

    private static String monocleJar() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> p.contains("openjfx-monocle")).findFirst()
                .orElseThrow(() -> new IllegalStateException("openjfx-monocle is not on the benchmark's classpath (run it with the test classpath)"));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    // ---- scroll ---------------------------------------------------------------------------------------------------

    /**
     * Opens the console in this JVM on the prepared folder, waits for the long conversation, then scrolls the thread
     * to its top and reads each older page until none is left, as a person holding the scroll bar at the top would.
     */
    private Map<String, Object> scrollNewestToOldest() throws Exception {
        for (String flag : headlessFlags()) {
            String[] kv = flag.substring(2).split("=", 2);
            System.setProperty(kv[0], kv[1]);
        }
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        ConsoleApp app = new ConsoleApp(dirs(), ConnectionProfile.EMBEDDED.name());
        onFx(() -> {
            app.init();
            app.start(new Stage());
            return null;
        });
        ConversationViewModel thread = app.model().conversation();
        waitFor("the first conversation", () -> !thread.entries().isEmpty(), 300);
        @SuppressWarnings("unchecked")
        ListView<Object> list = onFx(() -> (ListView<Object>) app.stage().getScene().lookup("#messageList"));

        long start = System.nanoTime();
        int pages = 1;
        while (onFx(() -> thread.hasOlderProperty().get())) {
            onFx(() -> {
                list.scrollTo(0); // at the top edge the list asks for older messages itself; ask explicitly as well
                thread.loadOlder();
                return null;
            });
            waitFor("an older page", () -> !thread.loadingProperty().get(), 120);
            pages++;
            if (pages % 100 == 0) {
                log("scrolled " + pages + " pages");
            }
        }
        onFx(() -> {
            list.scrollTo(0);
            return null;
        });
        waitFor("the last layout", () -> true, 5);
        long scrollMillis = (System.nanoTime() - start) / 1_000_000;
        int held = onFx(() -> thread.entries().size());

        long heap = heapAfterGc();
        onFx(() -> {
            app.stop();
            app.stage().close();
            return null;
        });
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("pages", pages);
        r.put("messages_held_at_end", held);
        r.put("scroll_ms", scrollMillis);
        r.put("heap_after_gc_mb", heap >> 20);
        log("scrolled " + pages + " pages newest to oldest in " + scrollMillis + " ms; " + held
                + " messages held; heap after GC " + (heap >> 20) + " MB");
        return r;
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(120, TimeUnit.SECONDS);
    }

    private static void waitFor(String what, java.util.concurrent.Callable<Boolean> condition, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        // one FX round trip first, so work queued before (a page's result) has been applied
        onFx(() -> null);
        while (!onFx(condition)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    // ---- results --------------------------------------------------------------------------------------------------

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    private void write(String prepared, long prepareMillis, List<Launches> launches, Map<String, Object> scroll) throws IOException {
        long heapMb = (long) scroll.get("heap_after_gc_mb");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("date", LocalDate.now().toString());
        doc.put("machine", Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "; headless (Monocle, software rendering)");
        doc.put("command", "mvn -B -Pbench -DskipTests verify -Dbench.console.skip=true -Dbench.gui.messages=" + messages);
        doc.put("data", prepared);
        doc.put("prepare_ms", prepareMillis);
        doc.put("window_target_ms", 2000);
        doc.put("conversation_target_ms", 4000);
        String data = "1 conversation × " + messages + " messages";
        StringBuilder rows = new StringBuilder();
        List<Map<String, Object>> launchDocs = new ArrayList<>();
        for (Launches l : launches) {
            double windowMedian = median(l.window());
            double conversationMedian = median(l.conversation());
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("jvm", l.flags().name());
            one.put("jvm_options", l.flags().options());
            one.put("app_image_launcher", l.flags().appImageLauncher() != null);
            one.put("dynamodb_local_already_running", l.flags().serverRunning());
            one.put("launches", LAUNCHES);
            one.put("window_ms", l.window());
            one.put("window_median_ms", windowMedian);
            one.put("conversation_ms", l.conversation());
            one.put("conversation_median_ms", conversationMedian);
            one.put("clock", "from the process's spawn to the log line read by the benchmark");
            one.put("jvm_clock_window_ms", l.jvmWindow());
            one.put("jvm_clock_window_median_ms", median(l.jvmWindow()));
            one.put("jvm_clock_conversation_ms", l.jvmConversation());
            one.put("jvm_clock_conversation_median_ms", median(l.jvmConversation()));
            launchDocs.add(one);
            rows.append(row("GUI: launch → visible window (median of " + LAUNCHES + "; " + l.flags().name() + ")", data, windowMedian,
                    "ms", "≤ 2000 ms", windowMedian <= 2000));
            // with DynamoDB Local already running, only the console's own start remains: the issue asks 2.5 s
            long conversationTarget = l.flags().serverRunning() ? 2500 : 4000;
            rows.append(row("GUI: launch → first rendered conversation (median of " + LAUNCHES + "; " + l.flags().name() + ")", data,
                    conversationMedian, "ms", "≤ " + conversationTarget + " ms", conversationMedian <= conversationTarget));
        }
        doc.put("launch_configurations", launchDocs);
        doc.put("scroll", scroll);
        doc.put("heap_target_mb", 300);
        Files.writeString(out.resolve("gui-results.json"), JSON.writeValueAsString(doc));
        rows.append(row("GUI: heap after scrolling newest → oldest (" + scroll.get("pages") + " pages, " + scroll.get("scroll_ms")
                + " ms), after GC", data, heapMb, "MB", "< 300 MB", heapMb < 300));
        Path md = out.resolve("BENCHMARKS.md");
        if (Files.exists(md)) {
            Files.writeString(md, Files.readString(md) + rows);
        }
        System.out.println("| benchmark | data | console | baseline | ratio | unit | target |\n|---|---|---|---|---|---|---|\n" + rows);
        System.out.println("Command: " + doc.get("command") + "  (" + prepared + ")");
    }

    private static String row(String benchmark, String data, double value, String unit, String target, boolean met) {
        String shown = value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
        return "| " + benchmark + " | " + data + " | " + shown + " | — | — | " + unit + " | " + target + (met ? " ✔" : " ✘") + " |\n";
    }

    private static void log(String line) {
        System.out.println("[gui-bench] " + line);
    }
}

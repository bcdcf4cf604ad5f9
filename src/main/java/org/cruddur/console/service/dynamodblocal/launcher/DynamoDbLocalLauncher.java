package org.cruddur.console.service.dynamodblocal.launcher;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The main class of DynamoDB Local's child process: a program of our own, alone in a tiny jar, that loads DynamoDB
 * Local's unmodified jars through a class loader and runs its server. It does three jobs the plain
 * {@code java -cp <jars> ServerRunner} command cannot:
 * <ul>
 *   <li>binds the server to the loopback interface only (DynamoDB Local has no option for it and accepts any
 *       credentials, so on every interface anyone on the network could read or drop the tables), and refuses to
 *       start when it cannot, unless told {@code --listen-all};</li>
 *   <li>exits when the console that started it goes away, however it went (its standard input is a pipe from the
 *       console: the operating system closes it when the console dies, even by SIGKILL);</li>
 *   <li>makes class-data sharing possible: DynamoDB Local's jar names its own folder in its manifest's
 *       {@code Class-Path}, which {@code -XX:ArchiveClassesAtExit} refuses on {@code -cp}; loaded through a class
 *       loader it can be archived;</li>
 *   <li>opens the shared database while the HTTP server starts, not on the first request: DynamoDB Local does that
 *       lazily, and on a large database (100,000 messages) the first request waited 0.5 s for it.</li>
 * </ul>
 * It uses only the JDK, and nothing of the console, because it runs on a class path of its own.
 *
 * <p>Usage: {@code DynamoDbLocalLauncher --jars DIR [--listen-all] [--archive-at-exit] [--token T] -- <DynamoDB Local's
 * arguments>}; {@code --archive-at-exit} says the JVM runs with -XX:ArchiveClassesAtExit.
 */
public final class DynamoDbLocalLauncher {

    /** Exit status when the loopback-only binding cannot be set up: nothing was started. */
    public static final int EXIT_CANNOT_BIND_LOOPBACK = 3;
    /** Exit status when DynamoDB Local itself failed to start. */
    public static final int EXIT_SERVER_FAILED = 4;
    /** What the console writes on the launcher's standard input to stop it on purpose (then it closes it). */
    public static final int QUIT = 'q';
    /** The line the launcher prints (on standard output) when the server is up. */
    public static final String READY = "cruddur-launcher: ready";
    /** The prefix of the one-line reason printed before exiting with {@link #EXIT_CANNOT_BIND_LOOPBACK}. */
    public static final String REFUSED = "cruddur-launcher: refused: ";

    static final String MAIN_CLASS = "software.amazon.dynamodb.services.local.main.ServerRunner";
    static final String LOOPBACK = "127.0.0.1";
    /**
     * DynamoDB Local 3.1.0's private field holding its Jetty server. A system property may name another field: the
     * tests use it to check that a launcher that cannot bind to loopback refuses to start.
     */
    public static final String SERVER_FIELD_PROPERTY = "cruddur.launcher.serverField";

    private DynamoDbLocalLauncher() {
    }

    public static void main(String[] args) throws Exception {
        String jars = null;
        boolean listenAll = false;
        boolean archiveAtExit = false;
        List<String> serverArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jars" -> jars = args[++i];
                case "--listen-all" -> listenAll = true;
                case "--archive-at-exit" -> archiveAtExit = true;
                case "--token" -> i++; // only there to mark the process as ours (see ServerRecord)
                case "--" -> {
                    serverArgs.addAll(Arrays.asList(args).subList(i + 1, args.length));
                    i = args.length;
                }
                default -> throw new IllegalArgumentException("unknown launcher option " + args[i]);
            }
        }
        if (jars == null) {
            throw new IllegalArgumentException("--jars DIR is required");
        }
        exitWhenTheConsoleGoesAway(archiveAtExit);

        ClassLoader loader = new URLClassLoader("dynamodb-local", jarUrls(jars), ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        Object server;
        try {
            server = Class.forName(MAIN_CLASS, true, loader)
                    .getMethod("createServerFromCommandLineArgs", String[].class)
                    .invoke(null, (Object) serverArgs.toArray(new String[0]));
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.out.println("cruddur-launcher: DynamoDB Local could not be created");
            e.printStackTrace(System.out);
            System.exit(EXIT_SERVER_FAILED);
            return;
        }
        if (serverArgs.contains("-sharedDb")) {
            openTheDatabaseAhead(server);
        }
        if (!listenAll) {
            try {
                bindToLoopback(server);
            } catch (ReflectiveOperationException | RuntimeException e) {
                System.out.println(REFUSED + "it cannot be bound to the loopback interface only (" + e + ")");
                System.out.flush();
                System.exit(EXIT_CANNOT_BIND_LOOPBACK);
                return;
            }
        }
        try {
            server.getClass().getMethod("start").invoke(server);
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.out.println("cruddur-launcher: DynamoDB Local failed to start");
            e.printStackTrace(System.out);
            System.exit(EXIT_SERVER_FAILED);
            return;
        }
        System.out.println(READY + (listenAll ? " (listening on every interface)" : " (loopback only)"));
        System.out.flush();
    }

    /**
     * Sets the host of every connector of DynamoDB Local's Jetty server to 127.0.0.1 before it starts. Throws when the
     * server's shape is not the one this was written against (DynamoDB Local 3.1.0), so a future version that moves
     * things fails closed rather than listening everywhere.
     */
    static void bindToLoopback(Object proxyServer) throws ReflectiveOperationException {
        Field field = proxyServer.getClass().getDeclaredField(System.getProperty(SERVER_FIELD_PROPERTY, "server"));
        field.setAccessible(true);
        Object jetty = field.get(proxyServer);
        Object[] connectors = (Object[]) jetty.getClass().getMethod("getConnectors").invoke(jetty);
        if (connectors.length == 0) {
            throw new IllegalStateException("the server has no connectors");
        }
        for (Object connector : connectors) {
            Method setHost = connector.getClass().getMethod("setHost", String.class);
            setHost.invoke(connector, LOOPBACK);
            Object host = connector.getClass().getMethod("getHost").invoke(connector);
            if (!LOOPBACK.equals(host)) {
                throw new IllegalStateException("a connector kept host " + host);
            }
        }
    }

    /**
     * Asks DynamoDB Local's request handler for its table list on a thread of its own, which makes it open its
     * database (SQLite, and its metadata tables) while Jetty starts. The handler opens it once, under its own lock, so
     * a first request arriving meanwhile waits for this rather than doing it again. Only with {@code -sharedDb}: without
     * it the database file is chosen by the request's access key and region, and this would create one. Best effort: a
     * DynamoDB Local of another shape is simply not warmed, and the first request opens the database as before.
     */
    static Thread openTheDatabaseAhead(Object proxyServer) {
        Thread ahead = new Thread(() -> {
            try {
                Field handlerField = proxyServer.getClass().getDeclaredField("serverHandler");
                handlerField.setAccessible(true);
                Object serverHandler = handlerField.get(proxyServer);
                Field primaryField = findField(serverHandler.getClass(), "primaryHandler");
                primaryField.setAccessible(true);
                Object requestHandler = primaryField.get(serverHandler);
                ClassLoader loader = requestHandler.getClass().getClassLoader();
                Class<?> requestType = Class.forName("software.amazon.awssdk.services.dynamodb.model.ListTablesRequest", true, loader);
                Method builderMethod = requestType.getMethod("builder");
                Object builder = builderMethod.invoke(null);
                // through the public Builder interface: the builder's own class is not public
                Object request = builderMethod.getReturnType().getMethod("build").invoke(builder);
                Method listTables = findMethod(requestHandler.getClass(), "listTables", String.class, String.class, requestType);
                listTables.setAccessible(true);
                listTables.invoke(requestHandler, "cruddur", "us-east-1", request);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                System.out.println("cruddur-launcher: the database opens on the first request (" + e + ")");
            }
        }, "open-database-ahead");
        ahead.setDaemon(true);
        ahead.start();
        return ahead;
    }

    private static Field findField(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }

    private static Method findMethod(Class<?> type, String name, Class<?>... parameters) throws NoSuchMethodException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredMethod(name, parameters);
            } catch (NoSuchMethodException e) {
                // look in the superclass
            }
        }
        throw new NoSuchMethodException(name);
    }

    /**
     * Ends this process when its standard input reaches end-of-file (the console closed it, or the console died and
     * the operating system closed it) or when the parent process exits. A console that stops the server on purpose
     * first writes {@link #QUIT}: the exit then runs the shutdown hooks and writes a class-data archive requested with
     * -XX:ArchiveClassesAtExit (1-2 s). Without it the console is gone: nobody waits for an archive, so the process
     * ends at once.
     */
    private static void exitWhenTheConsoleGoesAway(boolean archiveAtExit) {
        Thread stdin = new Thread(() -> {
            boolean quit = false;
            try (InputStream in = System.in) {
                int b;
                while ((b = in.read()) >= 0) {
                    quit |= b == QUIT;
                }
            } catch (IOException closed) {
                // a broken pipe means the same as end-of-file
            }
            if (quit || !archiveAtExit) {
                exit();
            } else {
                die();
            }
        }, "exit-on-console-gone");
        stdin.setDaemon(true);
        stdin.start();
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit()
                .thenRun(archiveAtExit ? DynamoDbLocalLauncher::die : DynamoDbLocalLauncher::exit));
    }

    /**
     * Exits through the shutdown hooks, but at most half a second later: under load DynamoDB Local's own hooks took
     * 2 s, and nobody waits for its answers any more. SQLite's journal keeps the data safe either way; a class-data
     * archive requested at exit is written by halt too.
     */
    private static void exit() {
        Thread deadline = new Thread(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(0);
        }, "exit-deadline");
        deadline.setDaemon(true);
        deadline.start();
        System.exit(0);
    }

    /**
     * Ends the process without writing the class-data archive (every JVM exit path writes it, so ask the operating
     * system to kill it); the next start makes the archive instead.
     */
    private static void die() {
        String pid = Long.toString(ProcessHandle.current().pid());
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win");
        try {
            new ProcessBuilder(windows ? new String[] {"taskkill", "/F", "/PID", pid} : new String[] {"kill", "-KILL", pid})
                    .redirectErrorStream(true).start().waitFor();
        } catch (IOException e) {
            // no kill command: exit the slower way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exit();
    }

    /** DynamoDB Local's folder of jars as class loader URLs (no nested class: this launcher is one class file). */
    private static URL[] jarUrls(String dir) throws IOException {
        File[] files = new File(dir).listFiles((d, name) -> name.endsWith(".jar"));
        if (files == null || files.length == 0) {
            throw new IOException("no jars in " + dir);
        }
        Arrays.sort(files);
        URL[] urls = new URL[files.length];
        for (int i = 0; i < files.length; i++) {
            urls[i] = files[i].toURI().toURL();
        }
        return urls;
    }
}

package org.cruddur.console.ui.startup;

import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs how long the console took from JVM launch to its window and to the first rendered conversation. */
public final class StartupTimes {

    private static final Logger LOG = LoggerFactory.getLogger(StartupTimes.class);

    private final long launchedAt;
    private boolean windowLogged;
    private boolean conversationLogged;
    private long windowMillis = -1;
    private long conversationMillis = -1;

    public StartupTimes() {
        long jvmStart;
        try {
            jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        } catch (RuntimeException | LinkageError e) {
            jvmStart = System.currentTimeMillis();
        }
        this.launchedAt = jvmStart;
    }

    /** A milestone on the way to the first conversation, logged at debug level: where start-up time goes. */
    public static void mark(String milestone) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("startup: {} at {} ms [{}]", milestone, ManagementFactory.getRuntimeMXBean().getUptime(), Thread.currentThread().getName());
        }
    }

    public void windowShown() {
        if (!windowLogged) {
            windowLogged = true;
            windowMillis = System.currentTimeMillis() - launchedAt;
            LOG.info("startup: window visible {} ms after launch", windowMillis);
        }
    }

    public void conversationRendered() {
        if (!conversationLogged) {
            conversationLogged = true;
            conversationMillis = System.currentTimeMillis() - launchedAt;
            LOG.info("startup: first conversation rendered {} ms after launch", conversationMillis);
        }
    }

    public long windowMillis() {
        return windowMillis;
    }

    public long conversationMillis() {
        return conversationMillis;
    }
}

package org.cruddur.console.service.oplog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The last DynamoDB calls of a session, newest last, bounded so that a long seed cannot fill memory.
 * Listeners are called on the thread that made the call, and must be quick; UI listeners hop to their own thread.
 */
public final class OperationLog {

    private final int capacity;
    private final Deque<OperationLogEntry> entries = new ArrayDeque<>();
    private final List<Consumer<OperationLogEntry>> listeners = new CopyOnWriteArrayList<>();
    private long total;
    private final ThreadLocal<String> purpose = new ThreadLocal<>();

    public OperationLog(int capacity) {
        this.capacity = capacity;
    }

    public OperationLog() {
        this(2_000);
    }

    public void record(OperationLogEntry entry) {
        synchronized (entries) {
            if (entries.size() == capacity) {
                entries.removeFirst();
            }
            entries.addLast(entry);
            total++;
            // under the lock, so entriesAndAddListener never sees an entry both in its snapshot and as an event
            listeners.forEach(l -> l.accept(entry));
        }
    }

    public List<OperationLogEntry> entries() {
        synchronized (entries) {
            return new ArrayList<>(entries);
        }
    }

    /** Calls recorded since the session opened, including those dropped from the bounded list. */
    public long total() {
        synchronized (entries) {
            return total;
        }
    }

    /**
     * The entries so far and, atomically with reading them, a listener for every later one: no call is missed or
     * delivered twice in between.
     */
    public List<OperationLogEntry> entriesAndAddListener(Consumer<OperationLogEntry> listener) {
        synchronized (entries) {
            listeners.add(listener);
            return new ArrayList<>(entries);
        }
    }

    /**
     * Labels the calls this thread makes until the returned handle is closed (e.g. {@code delete-message}), so that
     * the calls of one console action can be told apart in the log. The client is synchronous: its calls run on the
     * thread that makes them.
     */
    public Purpose purpose(String label) {
        String outer = purpose.get();
        purpose.set(label);
        return () -> {
            if (outer == null) {
                purpose.remove();
            } else {
                purpose.set(outer);
            }
        };
    }

    /** The label of the calls this thread is making now; null outside any {@link #purpose}. */
    public String currentPurpose() {
        return purpose.get();
    }

    /** Ends a {@link #purpose} label. */
    public interface Purpose extends AutoCloseable {
        @Override
        void close();
    }

    public void addListener(Consumer<OperationLogEntry> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<OperationLogEntry> listener) {
        listeners.remove(listener);
    }
}

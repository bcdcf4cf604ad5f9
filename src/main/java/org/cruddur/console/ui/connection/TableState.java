package org.cruddur.console.ui.connection;

/** What the connected profile's table holds, as far as the first-start offer cares. */
public enum TableState {
    UNKNOWN, MISSING, EMPTY, READY
}

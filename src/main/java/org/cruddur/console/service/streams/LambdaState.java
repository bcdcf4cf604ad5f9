package org.cruddur.console.service.streams;

/**
 * Where the conversation's group rows stand, now, against one message: what the pattern D stream Lambda should have
 * left behind for it.
 */
public enum LambdaState {
    /** Every participant's row is at this message (the Lambda, or the console's own transaction, did its work). */
    ROWS_AT_MESSAGE("rows_at_message", "rows at this message"),
    /** A row is older than this message, or missing: the Lambda has not run for it, or failed. */
    ROWS_BEHIND("rows_behind", "rows behind (Lambda not run or failed)"),
    /** No row is behind and some are newer: a later message moved them on. */
    ROWS_AHEAD("rows_ahead", "rows ahead (a newer message moved them)");

    private final String code;
    private final String label;

    LambdaState(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    /** For people. */
    public String label() {
        return label;
    }
}

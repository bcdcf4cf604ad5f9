package org.cruddur.console.service.streams;

/** What the item of a stream record is, from its key: a message, a group row, or anything else. */
public enum RecordKind {
    MESSAGE("message"), GROUP_ROW("group_row"), OTHER("other");

    private final String code;

    RecordKind(String code) {
        this.code = code;
    }

    /** The name in JSON output. */
    public String code() {
        return code;
    }
}

package org.cruddur.console.ui.streams;

import org.cruddur.console.service.streams.StreamEvent;

/** What a screen reader says for a stream record row: event, kind, keys, text, and the Lambda's verdict in words. */
public final class SpokenRecord {

    private SpokenRecord() {
    }

    /** "INSERT message, pk MSG#…, sk …: Hello. Lambda: group rows at the message". */
    public static String of(StreamEvent e) {
        return e.eventName() + " " + e.kind().code().replace('_', ' ') + ", pk " + e.pk() + ", sk " + e.sk()
                + (e.movedFrom() != null ? ", moved from " + e.movedFrom() : "")
                + (e.message() == null || e.message().isBlank() ? "" : ": " + e.message())
                + (e.lambda() == null ? "" : ". Lambda: " + e.lambda().state().label());
    }
}

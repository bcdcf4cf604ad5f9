package org.cruddur.console.service.health;

import java.util.Comparator;

/**
 * One thing wrong in the table: its kind, the conversation (null where none applies, e.g. a bad key), the keys of
 * the item involved, a one-line detail, and whether {@code repair} fixes it.
 */
public record Finding(FindingKind kind, String messageGroupUuid, String pk, String sk, String detail, boolean repairable) {

    /** Errors first, then by kind, conversation and key: the same table gives the same order. */
    public static final Comparator<Finding> ORDER = Comparator.comparing((Finding f) -> f.kind().severity())
            .thenComparing(Finding::kind)
            .thenComparing(Finding::messageGroupUuid, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::pk, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::sk, Comparator.nullsFirst(Comparator.naturalOrder()));

    public Severity severity() {
        return kind.severity();
    }

    Finding repairable(boolean value) {
        return value == repairable ? this : new Finding(kind, messageGroupUuid, pk, sk, detail, value);
    }
}

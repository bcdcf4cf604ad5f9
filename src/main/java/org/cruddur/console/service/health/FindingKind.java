package org.cruddur.console.service.health;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.cruddur.console.service.ConsoleException;

/** What can be wrong in the messages table, each with its severity; the first four are what repair fixes. */
public enum FindingKind {
    DUPLICATE_GROUP_ROW(Severity.ERROR),
    STALE_GROUP_ROW(Severity.WARNING),
    MISSING_GROUP_ROW(Severity.ERROR),
    ORPHAN_GROUP_ROW(Severity.WARNING),
    PARTICIPANT_MISMATCH(Severity.ERROR),
    SENDER_NOT_PARTICIPANT(Severity.ERROR),
    BAD_TIMESTAMP(Severity.ERROR),
    NAIVE_TIMESTAMP(Severity.INFO),
    MISSING_ATTRIBUTE(Severity.ERROR),
    BAD_KEY(Severity.ERROR),
    SELF_CONVERSATION(Severity.ERROR);

    /** The kinds {@code ddb repair} fixes (and fixes by default). */
    public static final Set<FindingKind> GROUP_ROW_KINDS =
            EnumSet.of(DUPLICATE_GROUP_ROW, STALE_GROUP_ROW, MISSING_GROUP_ROW, ORPHAN_GROUP_ROW);

    private final Severity severity;

    FindingKind(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }

    /** The name in JSON and on the command line: {@code duplicate_group_row}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FindingKind ofCode(String code) {
        String wanted = code == null ? "" : code.trim();
        return Arrays.stream(values()).filter(k -> k.code().equals(wanted)).findFirst()
                .orElseThrow(() -> ConsoleException.validation("Unknown finding kind '" + wanted + "' (one of: "
                        + Arrays.stream(values()).map(FindingKind::code).collect(Collectors.joining(", ")) + ")"));
    }

    /** The repair kinds named in a comma-separated list; each must be one repair fixes. */
    public static Set<FindingKind> repairKinds(String commaSeparated) {
        Set<FindingKind> kinds = EnumSet.noneOf(FindingKind.class);
        for (String part : commaSeparated.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            FindingKind kind = ofCode(part);
            if (!GROUP_ROW_KINDS.contains(kind)) {
                throw ConsoleException.validation("Repair does not fix '" + kind.code() + "' (it fixes: "
                        + GROUP_ROW_KINDS.stream().map(FindingKind::code).collect(Collectors.joining(", ")) + ")");
            }
            kinds.add(kind);
        }
        if (kinds.isEmpty()) {
            throw ConsoleException.validation("--kinds names no kind");
        }
        return kinds;
    }
}

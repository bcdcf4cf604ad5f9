package org.cruddur.console.service.streams;

/** Where a tail starts reading: the oldest record the stream still holds (24 hours on AWS), or only new ones. */
public enum StreamStart {
    TRIM_HORIZON("trim-horizon"), LATEST("latest");

    private final String option;

    StreamStart(String option) {
        this.option = option;
    }

    public String option() {
        return option;
    }

    /** From the CLI spelling ({@code trim-horizon}, {@code latest}; case and _ / - do not matter). */
    public static StreamStart parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        for (StreamStart s : values()) {
            if (s.option.equals(t)) {
                return s;
            }
        }
        throw org.cruddur.console.service.ConsoleException.validation("--from must be trim-horizon or latest, not '" + text + "'");
    }
}

package org.cruddur.console.service.health;

import java.util.Locale;

/** How bad a finding is; {@code error} and {@code warning} make {@code ddb check} exit 3. */
public enum Severity {
    ERROR, WARNING, INFO;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package org.cruddur.console.ui.preferences;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What the desktop console remembers between runs: theme, window bounds, last profile and user, text size (%). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConsolePreferences(
        @JsonProperty("theme") Theme theme,
        @JsonProperty("window") WindowBounds window,
        @JsonProperty("last_profile") String lastProfile,
        @JsonProperty("last_user") String lastUser,
        @JsonProperty("text_size") Integer textSize) {

    /** The constructor JSON reads through (the record has a shorter one too). */
    @com.fasterxml.jackson.annotation.JsonCreator
    public ConsolePreferences {
    }

    /** Without a text size (the normal one). */
    public ConsolePreferences(Theme theme, WindowBounds window, String lastProfile, String lastUser) {
        this(theme, window, lastProfile, lastUser, null);
    }

    public enum Theme {
        LIGHT, DARK;

        public String stylesheet() {
            return this == DARK ? "/styles/dark.css" : "/styles/light.css";
        }
    }

    /** Window position and size; {@code maximized} keeps the bounds to restore to. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WindowBounds(@JsonProperty("x") double x, @JsonProperty("y") double y,
                               @JsonProperty("width") double width, @JsonProperty("height") double height,
                               @JsonProperty("maximized") boolean maximized) {
    }

    public static ConsolePreferences defaults() {
        return new ConsolePreferences(Theme.LIGHT, null, null, null);
    }

    public Theme themeOrDefault() {
        return theme == null ? Theme.LIGHT : theme;
    }

    public ConsolePreferences withTheme(Theme t) {
        return new ConsolePreferences(t, window, lastProfile, lastUser, textSize);
    }

    public ConsolePreferences withWindow(WindowBounds w) {
        return new ConsolePreferences(theme, w, lastProfile, lastUser, textSize);
    }

    public ConsolePreferences withLastProfile(String p) {
        return new ConsolePreferences(theme, window, p, lastUser, textSize);
    }

    public ConsolePreferences withLastUser(String u) {
        return new ConsolePreferences(theme, window, lastProfile, u, textSize);
    }

    /** @param percent the text size in percent of the normal one (100) */
    public ConsolePreferences withTextSize(Integer percent) {
        return new ConsolePreferences(theme, window, lastProfile, lastUser, percent);
    }
}

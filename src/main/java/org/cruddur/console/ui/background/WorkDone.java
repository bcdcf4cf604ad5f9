package org.cruddur.console.ui.background;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Background work the person started has finished (a seed, a full scan, an export written, a repair applied). The
 * window tells them in a popup, since they may have looked away meanwhile; view models only announce it, so they stay
 * testable without popups.
 *
 * @param place   where the result is shown, which the popup's action brings forward
 * @param written the file or folder the work wrote (the popup offers to open it), else null
 */
public record WorkDone(String title, String text, Place place, Path written) {

    /** The pane that shows the result. */
    public enum Place { MESSAGES, ADMIN, HEALTH, NONE }

    public WorkDone {
        Objects.requireNonNull(title);
        Objects.requireNonNull(text);
        Objects.requireNonNull(place);
    }

    /** Finished work whose result a pane shows. */
    public static WorkDone shownIn(Place place, String title, String text) {
        return new WorkDone(title, text, place, null);
    }

    /** Finished work that wrote {@code written} (a file, or a folder of files). */
    public static WorkDone wrote(Path written, String title, String text) {
        return new WorkDone(title, text, Place.NONE, Objects.requireNonNull(written));
    }
}

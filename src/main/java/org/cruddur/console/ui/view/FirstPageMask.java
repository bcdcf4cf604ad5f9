package org.cruddur.console.ui.view;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ObservableList;
import javafx.scene.control.ProgressIndicator;
import org.controlsfx.control.MaskerPane;

/**
 * A pane's loading signs: the mask over it while the console connects or its first page loads (nothing to show yet),
 * the small indicator for later pages (what is shown stays readable).
 */
public final class FirstPageMask {

    private FirstPageMask() {
    }

    /**
     * @param loading  the pane's reads are running
     * @param shown    what the pane shows: empty while its first page loads
     * @param loadingText the mask's words while a first page loads ("Loading messages…")
     */
    public static void bind(MaskerPane masker, ProgressIndicator indicator, ObservableBooleanValue connecting,
                            ObservableBooleanValue loading, ObservableList<?> shown, String loadingText) {
        BooleanBinding firstPage = Bindings.createBooleanBinding(() -> loading.get() && shown.isEmpty(), loading, shown);
        masker.visibleProperty().bind(Bindings.createBooleanBinding(() -> connecting.get() || firstPage.get(),
                connecting, firstPage));
        masker.textProperty().bind(Bindings.createStringBinding(
                () -> connecting.get() ? "Connecting…" : loadingText, connecting));
        indicator.visibleProperty().bind(Bindings.createBooleanBinding(() -> loading.get() && !masker.isVisible(),
                loading, masker.visibleProperty()));
    }
}

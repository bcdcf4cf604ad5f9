package org.cruddur.console.ui.view;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads a feature's FXML ({@code <feature>/<Feature>View.fxml}) with a controller built beforehand around its view model. */
public final class FeatureView {

    /** Where the features' FXML lives: beside their packages, under ui/. */
    private static final String VIEWS = "/org/cruddur/console/ui/";

    private FeatureView() {
    }

    public static Parent load(String resource, Object controller) {
        URL url = FeatureView.class.getResource(VIEWS + resource);
        if (url == null) {
            throw new IllegalStateException("Missing view " + resource);
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setControllerFactory(type -> {
            if (type.isInstance(controller)) {
                return controller;
            }
            throw new IllegalStateException(resource + " asks for " + type.getName() + ", not " + controller.getClass().getName());
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + resource, e);
        }
    }
}

package org.cruddur.console.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** Placeholder until the console UI lands (issue: the JavaFX console). */
public final class ConsoleApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new Label("Cruddur Messages Console"), 640, 400));
        stage.setTitle("Cruddur Messages Console");
        stage.show();
    }
}

package org.cruddur.console.ui.health;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.cruddur.console.service.health.Finding;
import org.cruddur.console.service.health.HealthReport;

/**
 * The last check's findings, shared by the views that mark what they show (the inbox marks a conversation with
 * findings) and the Health pane (which publishes its last report here and opens at a finding asked for elsewhere).
 * Created once per window; used on the UI thread only.
 */
public final class HealthFindings {

    private final ReadOnlyObjectWrapper<HealthReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<Finding> opened = new ReadOnlyObjectWrapper<>(this, "opened");
    /** The listed findings by conversation, in the report's order. */
    private Map<String, List<Finding>> byConversation = Map.of();

    /** Publishes the last check's report; null when there is none (no check yet, a new table, a repair since). */
    public void publish(HealthReport r) {
        Map<String, List<Finding>> index = new HashMap<>();
        if (r != null) {
            for (Finding f : r.findings()) {
                if (f.messageGroupUuid() != null) {
                    index.computeIfAbsent(f.messageGroupUuid(), g -> new java.util.ArrayList<>()).add(f);
                }
            }
        }
        byConversation = index;
        report.set(r);
    }

    /** The last check's findings on a conversation, most severe first; empty when it has none or no check ran. */
    public List<Finding> of(String messageGroupUuid) {
        return messageGroupUuid == null ? List.of() : List.copyOf(byConversation.getOrDefault(messageGroupUuid, List.of()));
    }

    /** The finding shown for a conversation (its first), or null. */
    public Finding first(String messageGroupUuid) {
        List<Finding> found = of(messageGroupUuid);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Asks the Health pane to open at {@code finding} (the window switches to the pane when this changes). */
    public void open(Finding finding) {
        opened.set(null); // the same finding asked for twice still opens the pane twice
        opened.set(finding);
    }

    /** The last check's report, null when there is none: views that mark their rows redraw when it changes. */
    public ReadOnlyObjectProperty<HealthReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The finding last asked to be opened in the Health pane. */
    public ReadOnlyObjectProperty<Finding> openedProperty() {
        return opened.getReadOnlyProperty();
    }
}

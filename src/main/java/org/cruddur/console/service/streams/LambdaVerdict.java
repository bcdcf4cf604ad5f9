package org.cruddur.console.service.streams;

import java.util.List;

/**
 * What the seeds' stream Lambda would do for one message INSERT, and how the table compares with that now.
 *
 * @param state   the verdict
 * @param writes  the Lambda's writes for this message, in order: per group row found through the GSI, a delete of the
 *                row and a put of it at the message's sk with the message's text
 * @param rows    each group row of the conversation now, against the message
 */
public record LambdaVerdict(LambdaState state, List<Write> writes, List<Row> rows) {

    /** One write the Lambda makes: {@code delete} or {@code put} of the key. */
    public record Write(String action, String pk, String sk) {
        @Override
        public String toString() {
            return action + " " + pk + " / " + sk;
        }
    }

    /** One group row now: its owner's partition, its sk, and where it stands against the message. */
    public record Row(String pk, String sk, String lastMessage, Position position) {
    }

    /** A group row's time against the message's time (compared as instants: sk strings come in several ISO forms). */
    public enum Position {
        AT, BEHIND, AHEAD, MISSING
    }

    /** One line for people: the state and the rows' positions. */
    public String summary() {
        if (rows.isEmpty()) {
            return state.label() + ": the conversation has no group rows";
        }
        StringBuilder b = new StringBuilder(state.label()).append(':');
        for (Row r : rows) {
            b.append(' ').append(r.pk()).append(' ').append(r.position().name().toLowerCase(java.util.Locale.ROOT));
            if (r.sk() != null) {
                b.append(" (").append(r.sk()).append(')');
            }
            b.append(';');
        }
        b.setLength(b.length() - 1);
        return b.toString();
    }
}

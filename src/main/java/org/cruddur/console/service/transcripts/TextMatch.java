package org.cruddur.console.service.transcripts;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cruddur.console.service.ConsoleException;

/**
 * What "find" matches. DynamoDB's {@code contains} is case-sensitive, so the filter asks for a few spellings of the
 * text: as typed, all lower case, ALL UPPER CASE and Capitalised (first letter upper, the rest lower). A message
 * matches when it contains any of them; other mixes of case ("rEfUnD") are not found.
 */
public final class TextMatch {

    public static final String RULE = "Matches the text as typed, in lower case, in UPPER CASE or Capitalised;"
            + " DynamoDB's contains is case-sensitive, so other mixes of case are not found.";
    public static final int MAX_LENGTH = 1024;

    private final String text;
    private final List<String> spellings;

    public TextMatch(String text) {
        if (text == null || text.isBlank()) {
            throw ConsoleException.validation("Text to find must not be blank");
        }
        if (text.length() > MAX_LENGTH) {
            throw ConsoleException.validation("Text to find is longer than " + MAX_LENGTH + " characters");
        }
        this.text = text;
        Set<String> all = new LinkedHashSet<>();
        all.add(text);
        all.add(text.toLowerCase(Locale.ROOT));
        all.add(text.toUpperCase(Locale.ROOT));
        String lower = text.toLowerCase(Locale.ROOT);
        int first = lower.codePointAt(0);
        all.add(new StringBuilder().appendCodePoint(Character.toUpperCase(first)).append(lower.substring(Character.charCount(first))).toString());
        this.spellings = List.copyOf(all);
    }

    public String text() {
        return text;
    }

    /** The spellings the filter expression asks DynamoDB for (distinct, at most four). */
    public List<String> spellings() {
        return spellings;
    }

    /** The same rule, applied locally (what the filter lets through). */
    public boolean matches(String message) {
        if (message == null) {
            return false;
        }
        for (String s : spellings) {
            if (message.contains(s)) {
                return true;
            }
        }
        return false;
    }
}

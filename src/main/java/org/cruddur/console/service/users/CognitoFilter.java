package org.cruddur.console.service.users;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cruddur.console.service.ConsoleException;

/**
 * A ListUsers filter, {@code ATTRIBUTE = "value"} (exact) or {@code ATTRIBUTE ^= "value"} (prefix). On the attributes
 * Cognito can filter ({@link #SERVER_SIDE}) it is sent to Cognito; on any other attribute (e.g. {@code locale},
 * {@code custom:team}, or the pseudo-attribute {@code enabled = "false"}) the console filters the full list itself.
 * Matching is case-sensitive, as in Cognito.
 */
public record CognitoFilter(String attribute, Operator operator, String value) {

    /** The attributes Cognito's ListUsers Filter accepts. */
    public static final Set<String> SERVER_SIDE = Set.of("username", "email", "phone_number", "name", "given_name",
            "family_name", "preferred_username", "cognito:user_status", "status", "sub");

    public enum Operator {
        EQUALS("="), STARTS_WITH("^=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    private static final Pattern EXPRESSION = Pattern.compile(
            "\\s*([A-Za-z_][A-Za-z0-9_:.-]*)\\s*(\\^=|=)\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S+))\\s*");

    public CognitoFilter {
        if (attribute == null || attribute.isBlank() || operator == null || value == null) {
            throw ConsoleException.validation("A filter needs an attribute, = or ^=, and a value");
        }
    }

    public static CognitoFilter equalTo(String attribute, String value) {
        return new CognitoFilter(attribute, Operator.EQUALS, value);
    }

    public static CognitoFilter startsWith(String attribute, String value) {
        return new CognitoFilter(attribute, Operator.STARTS_WITH, value);
    }

    /** Parses {@code email ^= "mara"}, {@code preferred_username = "mara"} or {@code enabled = false}. */
    public static CognitoFilter parse(String expression) {
        Matcher m = EXPRESSION.matcher(expression == null ? "" : expression);
        if (!m.matches()) {
            throw ConsoleException.validation("Filter '" + expression + "' is not ATTRIBUTE = \"value\" or ATTRIBUTE ^= \"value\"");
        }
        String value = m.group(3) != null ? m.group(3).replaceAll("\\\\(.)", "$1") : m.group(4);
        return new CognitoFilter(m.group(1), m.group(2).equals("=") ? Operator.EQUALS : Operator.STARTS_WITH, value);
    }

    /** Whether Cognito itself can apply this filter. */
    public boolean serverSide() {
        return SERVER_SIDE.contains(attribute.toLowerCase(Locale.ROOT)) && !attribute.equals("enabled");
    }

    /** The Filter parameter of ListUsers, quoting the value as Cognito wants. */
    public String expression() {
        return attribute + " " + operator.symbol() + " \"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    public boolean matches(CognitoUser user) {
        String actual = user.attribute(attribute);
        if (actual == null) {
            return false;
        }
        return operator == Operator.EQUALS ? actual.equals(value) : actual.startsWith(value);
    }

    @Override
    public String toString() {
        return expression();
    }
}

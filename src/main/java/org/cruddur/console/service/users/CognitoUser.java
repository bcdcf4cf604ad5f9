package org.cruddur.console.service.users;

import java.time.Instant;
import java.util.Map;

/**
 * One user of a Cognito user pool as ListUsers returns it. {@code handle} is the {@code preferred_username}
 * attribute and {@code displayName} the {@code name} attribute, as in Cruddur; any attribute may be missing (null).
 */
public record CognitoUser(String username, String sub, String handle, String displayName, String email,
                          boolean enabled, String status, Instant created, Map<String, String> attributes) {

    public static final String SUB = "sub";
    public static final String HANDLE = "preferred_username";
    public static final String NAME = "name";
    public static final String EMAIL = "email";

    public CognitoUser {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** "enabled, CONFIRMED", "disabled, FORCE_CHANGE_PASSWORD", ... */
    public String state() {
        return (enabled ? "enabled" : "disabled") + (status == null ? "" : ", " + status);
    }

    /** The attribute a filter or a person asks about; {@code username} and {@code enabled} are pseudo-attributes. */
    public String attribute(String name) {
        return switch (name) {
            case "username" -> username;
            case "enabled" -> Boolean.toString(enabled);
            case "cognito:user_status" -> status;
            case "status" -> enabled ? "Enabled" : "Disabled";
            default -> attributes.get(name);
        };
    }
}

package org.cruddur.console.ui.profiles;

import org.cruddur.console.config.ConnectionProfile;

/**
 * The colour that marks a profile everywhere in the window: real AWS is unmistakably red, other read-only profiles
 * amber, the embedded database green, other endpoints blue. Used as a style class.
 */
public enum ProfileColor {
    EMBEDDED("profile-embedded", "embedded database"),
    ENDPOINT("profile-endpoint", "local endpoint"),
    READ_ONLY("profile-read-only", "read-only"),
    PRODUCTION("profile-prod", "real AWS");

    private final String styleClass;
    private final String meaning;

    ProfileColor(String styleClass, String meaning) {
        this.styleClass = styleClass;
        this.meaning = meaning;
    }

    /** What the colour means, in words: the colour is never the only sign (screen readers, colour blindness). */
    public String meaning() {
        return meaning;
    }

    public String styleClass() {
        return styleClass;
    }

    public static ProfileColor of(ConnectionProfile profile) {
        if (profile == null) {
            return ENDPOINT;
        }
        if (profile.onAws()) {
            return PRODUCTION;
        }
        if (profile.readOnly()) {
            return READ_ONLY;
        }
        return profile.kind() == ConnectionProfile.Kind.EMBEDDED ? EMBEDDED : ENDPOINT;
    }

    public static String describe(ConnectionProfile p) {
        return switch (p.kind()) {
            case EMBEDDED -> p.name() + "  (embedded DynamoDB Local)";
            case ENDPOINT -> p.name() + "  (" + p.endpoint() + ")";
            case AWS -> p.name() + "  (AWS" + (p.region() == null ? "" : " " + p.region())
                    + (p.awsProfile() == null ? "" : ", " + p.awsProfile()) + ")";
        } + (p.readOnly() ? "  read-only" : "");
    }
}

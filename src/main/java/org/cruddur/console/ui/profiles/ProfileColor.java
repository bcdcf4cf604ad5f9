package org.cruddur.console.ui.profiles;

import org.cruddur.console.config.ConnectionProfile;

/**
 * The colour that marks a profile everywhere in the window: real AWS is unmistakably red, other read-only profiles
 * amber, the embedded database green, other endpoints blue. Used as a style class.
 */
public enum ProfileColor {
    EMBEDDED("profile-embedded"),
    ENDPOINT("profile-endpoint"),
    READ_ONLY("profile-read-only"),
    PRODUCTION("profile-prod");

    private final String styleClass;

    ProfileColor(String styleClass) {
        this.styleClass = styleClass;
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

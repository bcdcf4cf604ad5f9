package org.cruddur.console.service;

/**
 * Which call failed, in IAM's words ("dynamodb:Query" on "index message-group-sk-index of table cruddur-messages"):
 * attached to a refused call's exception (as a suppressed one) by the client's interceptor, so an access-denied line
 * can name the permission that is missing.
 */
public final class FailedCall extends RuntimeException {

    private final String action;
    private final String resource;

    public FailedCall(String action, String resource) {
        super(action + " on " + resource, null, false, false);
        this.action = action;
        this.resource = resource;
    }

    public String action() {
        return action;
    }

    public String resource() {
        return resource;
    }

    static FailedCall of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Throwable s : t.getSuppressed()) {
                if (s instanceof FailedCall f) {
                    return f;
                }
            }
        }
        return null;
    }
}

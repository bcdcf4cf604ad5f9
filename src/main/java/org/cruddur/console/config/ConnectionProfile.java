package org.cruddur.console.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the console connects: an embedded DynamoDB Local it starts itself, a DynamoDB-compatible endpoint, or
 * real AWS (region and credentials from the standard provider chain or a named profile in ~/.aws).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConnectionProfile(
        @JsonProperty("name") String name,
        @JsonProperty("kind") Kind kind,
        @JsonProperty("endpoint") String endpoint,
        @JsonProperty("region") String region,
        @JsonProperty("aws_profile") String awsProfile,
        @JsonProperty("table") String table,
        @JsonProperty("user_pool_id") String userPoolId,
        @JsonProperty("cognito_endpoint") String cognitoEndpoint,
        @JsonProperty("read_only") boolean readOnly) {

    public static final String DEFAULT_TABLE = "cruddur-messages";
    public static final String LOCAL_ENDPOINT = "http://localhost:8000";

    public enum Kind {
        /** DynamoDB Local started by the console as a child process. */
        EMBEDDED,
        /** A DynamoDB-compatible endpoint (DynamoDB Local, dynalite, ...) at a URL. */
        ENDPOINT,
        /** Real AWS. */
        AWS;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Kind of(String id) {
            for (Kind k : values()) {
                if (k.id().equalsIgnoreCase(id)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("kind '" + id + "' is not one of embedded, endpoint, aws");
        }
    }

    public static final ConnectionProfile EMBEDDED = new ConnectionProfile("embedded", Kind.EMBEDDED, null, null, null, DEFAULT_TABLE, null, null, false);
    public static final ConnectionProfile LOCAL = new ConnectionProfile("local", Kind.ENDPOINT, LOCAL_ENDPOINT, null, null, DEFAULT_TABLE, null, null, false);
    public static final ConnectionProfile PROD = new ConnectionProfile("prod", Kind.AWS, null, null, null, DEFAULT_TABLE, null, null, true);

    public static List<ConnectionProfile> builtIns() {
        return List.of(EMBEDDED, LOCAL, PROD);
    }

    /** Table name, defaulting to {@value #DEFAULT_TABLE}. */
    @JsonIgnore
    public String tableName() {
        return table == null || table.isBlank() ? DEFAULT_TABLE : table;
    }

    /** Real AWS is protected: writes there, and on any read-only profile, need an explicit unlock. */
    @JsonIgnore
    public boolean writesLockedByDefault() {
        return readOnly || onAws();
    }

    /** Real AWS rather than a DynamoDB Local (embedded or at an endpoint). */
    @JsonIgnore
    public boolean onAws() {
        return kind == Kind.AWS;
    }

    @JsonIgnore
    public boolean isBuiltIn() {
        return builtIns().stream().anyMatch(b -> b.name().equals(name));
    }

    public ConnectionProfile withTable(String newTable) {
        return new ConnectionProfile(name, kind, endpoint, region, awsProfile, newTable, userPoolId, cognitoEndpoint, readOnly);
    }

    public ConnectionProfile withRegion(String newRegion) {
        return new ConnectionProfile(name, kind, endpoint, newRegion, awsProfile, table, userPoolId, cognitoEndpoint, readOnly);
    }

    public ConnectionProfile withCognito(String newCognitoEndpoint, String newUserPoolId) {
        return new ConnectionProfile(name, kind, endpoint, region, awsProfile, table,
                newUserPoolId == null ? userPoolId : newUserPoolId,
                newCognitoEndpoint == null ? cognitoEndpoint : newCognitoEndpoint, readOnly);
    }

    /**
     * A profile for an ad-hoc {@code --endpoint}: a local one (writes allowed, dummy credentials), unless the URL is
     * an AWS address, which keeps real credentials and the write lock of real AWS.
     */
    public static ConnectionProfile forEndpoint(String endpoint) {
        if (isAwsAddress(endpoint)) {
            return new ConnectionProfile("endpoint", Kind.AWS, endpoint, null, null, DEFAULT_TABLE, null, null, true);
        }
        return new ConnectionProfile("endpoint", Kind.ENDPOINT, endpoint, null, null, DEFAULT_TABLE, null, null, false);
    }

    static boolean isAwsAddress(String url) {
        try {
            String host = URI.create(url.trim()).getHost();
            return host != null && (host.endsWith(".amazonaws.com") || host.endsWith(".amazonaws.com.cn"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Every problem with this profile, empty when it is usable. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add("name is missing");
        } else if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
            problems.add("name '" + name + "' may only use letters, digits, '.', '_' and '-'");
        }
        if (kind == null) {
            problems.add("kind is missing (one of embedded, endpoint, aws)");
        } else if (kind == Kind.ENDPOINT) {
            String endpointProblem = endpointProblem(endpoint);
            if (endpointProblem != null) {
                problems.add(endpointProblem);
            }
        }
        if (region != null && !region.isBlank() && !region.matches("[a-z0-9-]{2,32}")) {
            problems.add("region '" + region + "' is not an AWS region name");
        }
        if (table != null && !table.isBlank() && !table.matches("[A-Za-z0-9_.-]{3,255}")) {
            problems.add("table '" + table + "' is not a valid DynamoDB table name");
        }
        if (cognitoEndpoint != null && !cognitoEndpoint.isBlank() && endpointProblem(cognitoEndpoint) != null) {
            problems.add("cognito endpoint: " + endpointProblem(cognitoEndpoint));
        }
        return problems;
    }

    private static String endpointProblem(String url) {
        if (url == null || url.isBlank()) {
            return "endpoint is missing";
        }
        try {
            URI uri = URI.create(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                return "endpoint '" + url + "' is not an http(s) URL";
            }
            return null;
        } catch (IllegalArgumentException e) {
            return "endpoint '" + url + "' is not a URL";
        }
    }
}

package org.cruddur.console.service.aws;

import java.net.URI;

/**
 * Endpoints for the sign-in services. Null means the SDK's own choice, which already honours the AWS_ENDPOINT_URL_*
 * variables and endpoint_url in the config file; explicit ones are for tests and for configuration, never hidden.
 */
public record AwsEndpoints(URI ssoOidc, URI ssoPortal, URI sts) {

    public static final AwsEndpoints DEFAULT = new AwsEndpoints(null, null, null);
}

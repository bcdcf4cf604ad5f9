package org.cruddur.console.service.moderation;

import org.cruddur.console.service.session.DynamoSession;

/** Who is acting on AWS, as far as the session already knows it: no STS call is made for the log's sake. */
final class OperatorIdentity {

    private OperatorIdentity() {
    }

    /**
     * On AWS: the named profile (or "default credentials") and the access key id the client signs with, which the SDK
     * has already resolved and cached for the write just made. Elsewhere (DynamoDB Local, dynalite) null: the static
     * local credentials identify nobody.
     */
    static String aws(DynamoSession session) {
        if (!session.profile().onAws()) {
            return null;
        }
        String source = session.profile().awsProfile() == null ? "default credentials" : "profile " + session.profile().awsProfile();
        try {
            String keyId = session.client().serviceClientConfiguration().credentialsProvider().resolveIdentity().join().accessKeyId();
            return source + ", access key " + keyId;
        } catch (RuntimeException unknown) {
            return source;
        }
    }
}

package org.cruddur.console.service.aws;

import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;

/**
 * A second process, as another tool on the machine: the SDK's own profile credentials provider (no console code)
 * resolves the named profile from HOME's ~/.aws, which needs the token the console wrote. Prints the access key id.
 */
public final class SdkReadsTokenProgram {

    public static void main(String[] args) {
        try (ProfileCredentialsProvider p = ProfileCredentialsProvider.create(args[0])) {
            System.out.println("key=" + p.resolveCredentials().accessKeyId());
        }
    }
}

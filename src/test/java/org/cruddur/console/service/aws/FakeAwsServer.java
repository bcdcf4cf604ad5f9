package org.cruddur.console.service.aws;

/**
 * Runs {@link FakeAws} on its own for looking at the console by hand (the README's screenshot): prints its URL,
 * keeps sign-ins pending ({@code pendingPolls} from the first argument, default 1000) and stops after 30 minutes.
 * Point the console at it with AWS_ENDPOINT_URL_SSO_OIDC, AWS_ENDPOINT_URL_SSO and AWS_ENDPOINT_URL_STS.
 */
public final class FakeAwsServer {

    public static void main(String[] args) throws Exception {
        try (FakeAws fake = new FakeAws()) {
            fake.pendingPolls = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
            System.out.println(fake.url());
            System.out.flush();
            Thread.sleep(1_800_000);
        }
    }
}

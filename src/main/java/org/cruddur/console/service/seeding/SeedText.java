package org.cruddur.console.service.seeding;

/** Demo message texts of our own, picked deterministically from a message's place in the plan. */
final class SeedText {

    private static final String[] OPENINGS = {
        "Did you see", "I just pushed", "Quick question about", "Can we move", "Thanks for", "Still working on",
        "Heads up on", "Loved", "Not sure about", "Reminder:", "Good news about", "Picking up"
    };
    private static final String[] SUBJECTS = {
        "the sprint board", "the DynamoDB migration", "Friday's demo", "the onboarding doc", "the cache warm-up",
        "the flaky test", "our lunch plans", "the design review", "the release notes", "the new logo",
        "the Lambda cold starts", "the budget sheet", "the hiking trip", "the API rate limits"
    };
    private static final String[] ENDINGS = {
        "?", " — let me know.", ", looks good to me.", " before the weekend.", " when you have a minute.", "!",
        ". I'll update the ticket.", " after standup?", ", nice work.", " — no rush."
    };

    private SeedText() {
    }

    static String line(int conversation, int message) {
        int n = conversation * 31 + message;
        return OPENINGS[Math.floorMod(n * 7 + 3, OPENINGS.length)] + " "
                + SUBJECTS[Math.floorMod(n * 5 + conversation, SUBJECTS.length)]
                + ENDINGS[Math.floorMod(n * 3 + message / 2, ENDINGS.length)];
    }
}

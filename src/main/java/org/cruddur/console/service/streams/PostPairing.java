package org.cruddur.console.service.streams;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts together the group-row REMOVE and INSERT that move one owner's row to a new message: the console's transaction
 * and the stream Lambda both delete the row's old key and put the new one, and a NEW_IMAGE stream's REMOVE carries
 * only the key, so the pair is what tells which conversation and post the REMOVE belonged to.
 */
final class PostPairing {

    private PostPairing() {
    }

    /** The batch with each paired REMOVE/INSERT filled in (conversation, post, the INSERT's old sk); order kept. */
    static List<StreamEvent> pair(List<StreamEvent> batch) {
        List<StreamEvent> out = new ArrayList<>(batch);
        boolean[] taken = new boolean[out.size()];
        for (int i = 0; i < out.size(); i++) {
            StreamEvent removed = out.get(i);
            if (removed.kind() != RecordKind.GROUP_ROW || !removed.isRemove()) {
                continue;
            }
            int partner = partnerOf(out, taken, i);
            if (partner < 0) {
                continue;
            }
            taken[partner] = true;
            StreamEvent inserted = out.get(partner);
            out.set(i, removed.withPairing(inserted.conversation(), inserted.post(), null));
            out.set(partner, inserted.withPairing(inserted.conversation(), inserted.post(), removed.sk()));
        }
        return out;
    }

    /** The first unpaired INSERT of the same owner after the REMOVE, else the last one before it (a transaction's order is its own). */
    private static int partnerOf(List<StreamEvent> events, boolean[] taken, int removeIndex) {
        String pk = events.get(removeIndex).pk();
        for (int j = removeIndex + 1; j < events.size(); j++) {
            if (!taken[j] && matches(events.get(j), pk)) {
                return j;
            }
        }
        for (int j = removeIndex - 1; j >= 0; j--) {
            if (!taken[j] && matches(events.get(j), pk)) {
                return j;
            }
        }
        return -1;
    }

    private static boolean matches(StreamEvent e, String pk) {
        return e.kind() == RecordKind.GROUP_ROW && e.isInsert() && pk.equals(e.pk());
    }
}

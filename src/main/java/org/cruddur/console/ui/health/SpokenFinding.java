package org.cruddur.console.ui.health;

import org.cruddur.console.service.health.Finding;

/** What a screen reader says for a finding row: severity and kind in words, where, what, and whether repair fixes it. */
public final class SpokenFinding {

    private SpokenFinding() {
    }

    /** "error, duplicate group row in conversation 5ae2…, pk GRP#…, sk …: two rows … Repair fixes it." */
    public static String of(Finding f) {
        return f.severity().code() + ", " + f.kind().code().replace('_', ' ')
                + (f.messageGroupUuid() == null ? "" : " in conversation " + f.messageGroupUuid())
                + ", pk " + f.pk() + ", sk " + f.sk() + ": " + f.detail()
                + (f.repairable() ? ". Repair fixes it." : ". Repair does not fix it.");
    }
}

package org.cruddur.console.service.transcripts;

/** A person in a conversation as the export lists them; handle or name may be null where the table does not say. */
public record Participant(String userUuid, String handle, String displayName) {

    /** "Mara Jones (@mara)", or what of it is known. */
    public String label() {
        String name = displayName == null || displayName.isBlank() ? null : displayName;
        String at = handle == null || handle.isBlank() ? null : "@" + handle;
        if (name != null && at != null) {
            return name + " (" + at + ")";
        }
        return name != null ? name : at != null ? at : userUuid;
    }
}

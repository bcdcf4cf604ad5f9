package org.cruddur.console.service.moderation;

import org.cruddur.console.service.items.MessageRow;

/**
 * What deleting a message would do to the inboxes, read now, for a confirmation. The delete itself re-reads, so a
 * post landing in between is never undone by a stale preview.
 *
 * @param previous the message the rows would move back to (MOVED only), else null
 */
public record DeletePreview(MessageRow target, InboxChange inbox, MessageRow previous) {
}

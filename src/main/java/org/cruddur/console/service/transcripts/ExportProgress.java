package org.cruddur.console.service.transcripts;

/** How far an export is: messages written so far (all conversations), and conversations done of all (1 for one). */
public record ExportProgress(long messages, int conversationsDone, int conversations) {
}

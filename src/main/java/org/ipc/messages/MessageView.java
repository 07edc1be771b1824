package org.ipc.messages;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A message as both sides read it: who, in which role, when. */
@Schema(name = "Message")
public record MessageView(UUID id, String body, String authorName, String authorRole, Instant createdAt) {

    static MessageView of(CaseMessage m) {
        return new MessageView(m.id, m.body, m.authorName, m.authorRole, m.createdAt);
    }
}

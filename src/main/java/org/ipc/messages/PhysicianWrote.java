package org.ipc.messages;

import java.util.UUID;

/**
 * A referring physician wrote on a case, published in the transaction of the message: the case's point of contact
 * may want to hear of it (the staff's e-mail notices observe it). Ids and the reference only.
 */
public record PhysicianWrote(UUID caseId, String caseReference, String caseOwner, UUID messageId) {
}

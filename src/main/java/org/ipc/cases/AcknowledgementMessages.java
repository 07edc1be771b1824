package org.ipc.cases;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What the office says when it acknowledges a new case. English here; other languages in
 * {@code src/main/resources/messages/ack_<language>.properties}. No clinical details, only the reference.
 */
@MessageBundle(value = "ack", locale = "en")
public interface AcknowledgementMessages {

    @Message("We have received your request {reference}. The International Patient Center will answer within one business day.")
    String receivedWhileOpen(String reference);

    @Message("We have received your request {reference}. Our office is closed now; it opens {opensAt} (your time, {timeZone}), and we will answer within one business day after that.")
    String receivedWhileClosed(String reference, String opensAt, String timeZone);
}

package org.ipc.visa;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ipc.audit.AuditAction;
import org.ipc.audit.AuditTrail;
import org.ipc.crypto.FieldCipher;
import org.ipc.documents.DocumentService;

/**
 * Re-seals every sealed value under the current data key, bound to its row, in one transaction, audited; each value
 * is checked against its row on the way, and those that do not open there are reported (and left as they are).
 */
@ApplicationScoped
public class DataKeyRotation {

    @Inject
    VisaLetterService letters;

    @Inject
    DocumentService documents;

    @Inject
    FieldCipher cipher;

    @Inject
    AuditTrail audit;

    @Transactional
    public DataKeyResource.Resealed reseal() {
        List<String> refused = new ArrayList<>();
        int passports = letters.resealPassports(refused);
        int documentKeys = documents.resealContentKeys(refused);
        audit.record(AuditAction.DATA_KEYS_RESEALED, null, "to key " + cipher.currentKeyId() + ": " + passports
                + " passport numbers, " + documentKeys + " document keys" + (refused.isEmpty() ? ""
                        : "; " + refused.size() + " refused"));
        return new DataKeyResource.Resealed(cipher.currentKeyId(), passports, documentKeys, refused);
    }
}

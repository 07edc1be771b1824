package org.ipc.visa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ipc.audit.AuditAction;
import org.ipc.audit.AuditTrail;
import org.ipc.crypto.FieldCipher;
import org.ipc.documents.DocumentService;

/** Re-seals every sealed value under the current data key, in one transaction, audited. */
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
        int passports = letters.resealPassports();
        int documentKeys = documents.resealContentKeys();
        audit.record(AuditAction.DATA_KEYS_RESEALED, null, "to key " + cipher.currentKeyId() + ": " + passports
                + " passport numbers, " + documentKeys + " document keys");
        return new DataKeyResource.Resealed(cipher.currentKeyId(), passports, documentKeys);
    }
}

package org.ipc.workflow.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.api.migration.Context;
import org.ipc.common.SealedValueRefusedException;
import org.ipc.crypto.ContentCipher;
import org.ipc.crypto.DataKeyConfig;
import org.ipc.crypto.FieldCipher;
import org.ipc.documents.Document;
import org.ipc.visa.VisaLetter;
import org.jboss.logging.Logger;

import io.smallrye.config.SmallRyeConfig;

/**
 * Flyway migration 62 (issue 24): every value sealed before values were bound to their rows ({@code ipc1.}, bound
 * to a purpose only) is opened and sealed again under the current data key, bound to its table, row and field, so
 * that none can be moved to another row unnoticed from now on. A value that does not open (its key is not
 * configured, or it was changed) stays as it is and is logged; re-sealing ({@code POST /api/admin/data-keys/reseal})
 * reports it and migrates it once its key is given. It lives in this folder because this is Flyway's location for
 * Java migrations in every profile.
 */
public class BindSealedValuesMigration extends JavaStep {

    private static final Logger LOG = Logger.getLogger(BindSealedValuesMigration.class);

    public BindSealedValuesMigration() {
        super("62", "bind sealed values to their rows");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        if (!anyUnbound(context.getConnection())) {
            // a new installation, or one that never sealed a value: nothing to open, so no key is needed here
            LOG.info("Sealed values bound to their rows: none was sealed before");
            return;
        }
        DataKeyConfig keys = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class)
                .getConfigMapping(DataKeyConfig.class);
        int moved = migrate(context.getConnection(), new FieldCipher(keys));
        LOG.infof("Sealed values bound to their rows: %d", moved);
    }

    static boolean anyUnbound(Connection connection) throws SQLException {
        try (PreparedStatement any = connection.prepareStatement("select exists (select 1 from visa_letter where "
                + "passport_sealed like 'ipc1.%') or exists (select 1 from visa_companion where passport_sealed like "
                + "'ipc1.%') or exists (select 1 from document where content_key like 'ipc1.%')");
                ResultSet rs = any.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** Binds every unbound sealed value to its row; answers how many it bound. */
    public static int migrate(Connection connection, FieldCipher cipher) throws SQLException {
        int moved = 0;
        try (PreparedStatement select = connection.prepareStatement(
                "select id, passport_sealed from visa_letter where passport_sealed like 'ipc1.%'");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                UUID id = rs.getObject(1, UUID.class);
                moved += rebind(connection, cipher, VisaLetter.passportBinding(id), "passport", rs.getString(2),
                        "update visa_letter set passport_sealed = ? where id = ?", id);
            }
        }
        try (PreparedStatement select = connection.prepareStatement("select letter_id, position, passport_sealed "
                + "from visa_companion where passport_sealed like 'ipc1.%'"); ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                UUID letter = rs.getObject(1, UUID.class);
                int position = rs.getInt(2);
                moved += rebind(connection, cipher, VisaLetter.companionPassportBinding(letter, position), "passport",
                        rs.getString(3), "update visa_companion set passport_sealed = ? where letter_id = ? "
                                + "and position = " + position, letter);
            }
        }
        try (PreparedStatement select = connection.prepareStatement(
                "select id, content_key from document where content_key like 'ipc1.%'");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                UUID id = rs.getObject(1, UUID.class);
                moved += rebind(connection, cipher, Document.keyBinding(id), ContentCipher.UNBOUND_PURPOSE,
                        rs.getString(2), "update document set content_key = ? where id = ?", id);
            }
        }
        return moved;
    }

    private static int rebind(Connection connection, FieldCipher cipher, FieldCipher.Binding where, String purpose,
            String sealed, String update, UUID row) throws SQLException {
        String bound;
        try {
            bound = cipher.reseal(where, purpose, sealed);
        } catch (SealedValueRefusedException e) {
            // logged by the cipher; left for re-sealing to report, and to migrate once its key is configured
            return 0;
        }
        try (PreparedStatement write = connection.prepareStatement(update)) {
            write.setString(1, bound);
            write.setObject(2, row);
            return write.executeUpdate();
        }
    }
}

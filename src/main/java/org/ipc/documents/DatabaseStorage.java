package org.ipc.documents;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * Documents in the {@code document_content} table, written in the same transaction as their metadata. Suits a
 * small installation that wants one thing to back up. Writes stream; PostgreSQL's driver reads a bytea value
 * whole, so downloads hold one document in memory: prefer the directory storage for large imaging.
 */
final class DatabaseStorage implements DocumentStorage {

    private final DataSource dataSource;

    DatabaseStorage(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String store(InputStream content, long size) throws IOException {
        String key = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "insert into document_content (storage_key, content) values (?, ?)")) {
            insert.setString(1, key);
            insert.setBinaryStream(2, content, size);
            insert.executeUpdate();
            return key;
        } catch (SQLException e) {
            throw new IOException("could not store document content", e);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "select content from document_content where storage_key = ?")) {
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IOException("no content stored under " + key);
                }
                return rs.getBinaryStream(1);
            }
        } catch (SQLException e) {
            throw new IOException("could not read document content", e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("delete from document_content where storage_key = ?")) {
            delete.setString(1, key);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IOException("could not delete document content", e);
        }
    }
}

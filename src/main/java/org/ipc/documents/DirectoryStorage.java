package org.ipc.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Documents as files in one directory, two levels of fan-out by key. The default: it streams both ways at disk
 * speed, keeps large files out of the database and its backups, and a volume or object-store mount can hold it.
 */
final class DirectoryStorage implements DocumentStorage {

    private final Path root;

    DirectoryStorage(Path root) throws IOException {
        this.root = Files.createDirectories(root);
    }

    @Override
    public String store(InputStream content, long size) throws IOException {
        String key = UUID.randomUUID().toString();
        Path target = pathOf(key);
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(key + ".part");
        Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        return key;
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(pathOf(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(pathOf(key));
    }

    private Path pathOf(String key) {
        if (!key.matches("[0-9a-f-]{36}")) {
            throw new IllegalArgumentException("not a storage key");
        }
        return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    }
}

package org.ipc.documents;

import java.io.IOException;
import java.io.InputStream;

/** Where document bytes live. Implementations stream: no document is ever held whole in memory. */
public interface DocumentStorage {

    /** Stores the stream under a new key and answers the key. */
    String store(InputStream content, long size) throws IOException;

    InputStream open(String key) throws IOException;

    /** Removes content whose metadata never committed. */
    void delete(String key) throws IOException;
}

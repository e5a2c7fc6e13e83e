package org.cowvfs.nfs.export.proc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * A directory's listing at one moment, sorted by name after {@code .} and {@code ..}, with each
 * entry's object id. A READDIR cookie is a position in it (the cookie of the n-th entry is n), so
 * cookies stay valid as long as the snapshot does; the verifier is a digest of the whole listing,
 * so the same listing always has the same verifier, across evictions and restarts, and a changed
 * one another.
 *
 * @param entries the entries in cookie order
 * @param verifier the cookie verifier, never 0 (the value of a first call)
 */
record DirSnapshot(List<Entry> entries, long verifier) {
    /**
     * Makes a snapshot and its verifier.
     *
     * @param entries the entries in cookie order
     * @return the snapshot
     */
    static DirSnapshot of(List<Entry> entries) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException(e);
        }
        ByteBuffer id = ByteBuffer.allocate(Long.BYTES);
        for (Entry entry : entries) {
            digest.update(entry.name().getBytes(StandardCharsets.UTF_8));
            digest.update(id.clear().putLong(entry.id()).flip());
        }
        long verifier = ByteBuffer.wrap(digest.digest()).getLong();
        return new DirSnapshot(List.copyOf(entries), verifier == 0 ? 1 : verifier);
    }

    /**
     * One name of the listing.
     *
     * @param name the name
     * @param id the object id it had when listed
     * @param fileId its file id then, the fileid a listing shows
     */
    record Entry(String name, long id, long fileId) {
    }
}

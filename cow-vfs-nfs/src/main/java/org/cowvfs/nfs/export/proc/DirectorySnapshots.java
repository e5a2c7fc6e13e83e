package org.cowvfs.nfs.export.proc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cowvfs.nfs.export.fs.FileObject;
import org.cowvfs.nfs.export.fs.FileObjects;
import org.cowvfs.nfs.export.fs.NfsException;
import org.cowvfs.nfs.export.fs.UnixAttrs;
import org.cowvfs.nfs.xdr.nfs3.Nfsstat3;

/**
 * The latest listing snapshot of each directory being read, so that a client paging through a
 * directory with cookies sees one consistent listing. A listing from cookie 0 takes a new
 * snapshot; a later page continues the cached one if its verifier matches, else (evicted, or
 * after a restart) lists again and continues only if the directory is unchanged: otherwise the
 * cookie is stale, NFS3ERR_BAD_COOKIE, and the client starts over. Bounded by the total number of
 * entries kept. Thread-safe: the cache is concurrent and snapshots are immutable; two clients
 * paging one changing directory at once may make each other start over.
 */
final class DirectorySnapshots {
    private final FileObjects objects;
    private final Cache<Long, DirSnapshot> latest;

    DirectorySnapshots(FileObjects objects, long maximumEntries, Duration idle) {
        this.objects = objects;
        this.latest = Caffeine.newBuilder()
                .maximumWeight(maximumEntries)
                .weigher((Long dir, DirSnapshot snapshot) -> snapshot.entries().size())
                .expireAfterAccess(idle)
                .build();
    }

    /**
     * The snapshot a READDIR or READDIRPLUS call reads from.
     *
     * @param dir the directory
     * @param cookie where the call resumes; 0 to start
     * @param verifier the verifier sent with the cookie
     * @return the snapshot, with the entries' attributes if this call took it
     * @throws NfsException NFS3ERR_BAD_COOKIE if the cookie belongs to a listing that is gone
     * @throws IOException if the directory cannot be listed
     */
    Listing forCall(FileObject dir, long cookie, long verifier) throws NfsException, IOException {
        DirSnapshot cached = cookie == 0 ? null : latest.getIfPresent(dir.id());
        Listing listing = cached == null || cached.verifier() != verifier ? null : new Listing(cached, null);
        if (listing == null) {
            listing = take(dir);
            if (cookie != 0 && listing.snapshot().verifier() != verifier) {
                throw new NfsException(Nfsstat3.NFS3ERR_BAD_COOKIE, "the directory changed since the listing began");
            }
            latest.put(dir.id(), listing.snapshot());
        }
        if (Long.compareUnsigned(cookie, listing.snapshot().entries().size()) > 0) {
            throw new NfsException(Nfsstat3.NFS3ERR_BAD_COOKIE, "cookie " + cookie + " past the end");
        }
        return listing;
    }

    private Listing take(FileObject dir) throws NfsException, IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir.path())) {
            for (Path entry : stream) {
                names.add(entry.getFileName().toString());
            }
        }
        names.sort(null);
        List<DirSnapshot.Entry> entries = new ArrayList<>(names.size() + 2);
        List<UnixAttrs> attrs = new ArrayList<>(names.size() + 2);
        entries.add(new DirSnapshot.Entry(".", dir.id(), dir.attrs().fileId()));
        attrs.add(dir.attrs());
        long parent = objects.parentId(dir);
        entries.add(new DirSnapshot.Entry("..", parent, objects.fileId(parent)));
        attrs.add(null);
        for (String name : names) {
            try {
                UnixAttrs entry = UnixAttrs.read(dir.path().resolve(name));
                entries.add(new DirSnapshot.Entry(name, objects.idOf(dir, name, entry), entry.fileId()));
                attrs.add(entry);
            } catch (NoSuchFileException removedMeanwhile) {
                // Listed, then removed before it could be read: it is not part of the snapshot.
            }
        }
        return new Listing(DirSnapshot.of(entries), attrs);
    }

    /**
     * A snapshot as one call reads it. The snapshot reads every entry's attributes to learn its
     * file key; the call that takes it gets them too, so that READDIRPLUS need not read them again
     * for the page it makes at once. Only the snapshot is cached: attributes would be stale by
     * the next page, and would make the cache many times larger.
     *
     * @param snapshot the listing
     * @param attrs the entries' attributes in cookie order, {@code null} for {@code ..}; or
     *     {@code null} if an earlier call took the snapshot
     */
    record Listing(DirSnapshot snapshot, List<UnixAttrs> attrs) {
        /**
         * The attributes of an entry as this call read them.
         *
         * @param index the entry's position
         * @return the attributes, or {@code null} if they must be read now
         */
        UnixAttrs attrsRead(int index) {
            return attrs == null ? null : attrs.get(index);
        }
    }
}

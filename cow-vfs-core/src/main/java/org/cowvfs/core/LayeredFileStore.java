package org.cowvfs.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileStoreAttributeView;
import org.cowvfs.CowFileAttributeView;

/**
 * The one file store of a view. Space figures are the writable (root) store's, since that is
 * where every change lands; the attribute views are that store's plus {@code cow}. The root's
 * store is looked up at first use: on Linux that reads the mount table, which would otherwise
 * be most of the cost of opening a view.
 */
final class LayeredFileStore extends FileStore {
    private final Path root;
    private final boolean readOnly;
    private volatile FileStore upper;

    LayeredFileStore(Path root, boolean readOnly) {
        this.root = root;
        this.readOnly = readOnly;
    }

    private FileStore upper() throws IOException {
        FileStore store = upper;
        if (store == null) {
            store = Files.getFileStore(root);
            upper = store;
        }
        return store;
    }

    /** The root's store for calls that cannot throw {@link IOException}. */
    private FileStore upperUnchecked() {
        try {
            return upper();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return "cow:" + upperUnchecked().name();
    }

    @Override
    public String type() {
        return "cow";
    }

    @Override
    public boolean isReadOnly() {
        return readOnly || upperUnchecked().isReadOnly();
    }

    @Override
    public long getTotalSpace() throws IOException {
        return upper().getTotalSpace();
    }

    @Override
    public long getUsableSpace() throws IOException {
        return upper().getUsableSpace();
    }

    @Override
    public long getUnallocatedSpace() throws IOException {
        return upper().getUnallocatedSpace();
    }

    @Override
    public long getBlockSize() throws IOException {
        return upper().getBlockSize();
    }

    @Override
    public boolean supportsFileAttributeView(Class<? extends FileAttributeView> type) {
        return type == CowFileAttributeView.class || upperUnchecked().supportsFileAttributeView(type);
    }

    @Override
    public boolean supportsFileAttributeView(String name) {
        return CowFileAttributeView.NAME.equals(name) || upperUnchecked().supportsFileAttributeView(name);
    }

    @Override
    public <V extends FileStoreAttributeView> V getFileStoreAttributeView(Class<V> type) {
        return null;
    }

    @Override
    public Object getAttribute(String attribute) throws IOException {
        return upper().getAttribute(attribute);
    }
}

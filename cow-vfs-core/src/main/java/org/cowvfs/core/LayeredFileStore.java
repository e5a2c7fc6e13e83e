package org.cowvfs.core;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileStoreAttributeView;
import org.cowvfs.CowFileAttributeView;

/**
 * The one file store of a view. Space figures are the writable (root) store's, since that is
 * where every change lands; the attribute views are that store's plus {@code cow}.
 */
final class LayeredFileStore extends FileStore {
    private final FileStore upper;
    private final boolean readOnly;

    LayeredFileStore(FileStore upper, boolean readOnly) {
        this.upper = upper;
        this.readOnly = readOnly;
    }

    @Override
    public String name() {
        return "cow:" + upper.name();
    }

    @Override
    public String type() {
        return "cow";
    }

    @Override
    public boolean isReadOnly() {
        return readOnly || upper.isReadOnly();
    }

    @Override
    public long getTotalSpace() throws IOException {
        return upper.getTotalSpace();
    }

    @Override
    public long getUsableSpace() throws IOException {
        return upper.getUsableSpace();
    }

    @Override
    public long getUnallocatedSpace() throws IOException {
        return upper.getUnallocatedSpace();
    }

    @Override
    public long getBlockSize() throws IOException {
        return upper.getBlockSize();
    }

    @Override
    public boolean supportsFileAttributeView(Class<? extends FileAttributeView> type) {
        return type == CowFileAttributeView.class || upper.supportsFileAttributeView(type);
    }

    @Override
    public boolean supportsFileAttributeView(String name) {
        return CowFileAttributeView.NAME.equals(name) || upper.supportsFileAttributeView(name);
    }

    @Override
    public <V extends FileStoreAttributeView> V getFileStoreAttributeView(Class<V> type) {
        return null;
    }

    @Override
    public Object getAttribute(String attribute) throws IOException {
        return upper.getAttribute(attribute);
    }
}

package org.cowvfs.core;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.function.Function;
import org.cowvfs.CowConfig;
import org.cowvfs.CowFileSystem;
import org.cowvfs.spi.InMemoryViews;

/**
 * Views with an in-memory root layer, for {@link org.cowvfs.CowSandbox}: each view gets its own
 * Jimfs filesystem (unix flavour, with the basic, owner, posix, unix and user attribute views, so
 * that copy-up keeps modes, owners and extended attributes, and metadata-only copy-up works), closed
 * after the view. The upper root takes the metadata of the top lower, so the view's root shows the
 * fixture's mode, owner and times rather than Jimfs's defaults.
 *
 * <p>Entries created in the view belong to this process's user, as on disk. Jimfs has one default
 * mode for files and directories alike; it is {@code rwxr-xr-x}, what {@code mkdir} gives under the
 * usual umask, because a directory without its execute bits cannot be entered (for example once
 * committed to disk), while an executable bit on a new file is harmless.
 */
public final class InMemoryUpperViews implements InMemoryViews {
    private static final Configuration UNIX = Configuration.unix().toBuilder()
            .setAttributeViews("basic", "owner", "posix", "unix", "user")
            .setDefaultAttributeValue("owner:owner", System.getProperty("user.name"))
            .setDefaultAttributeValue("posix:permissions", "rwxr-xr-x")
            .build();

    @Override
    public CowFileSystem open(Function<Path, CowConfig> configuration) throws IOException {
        FileSystem memory = Jimfs.newFileSystem(UNIX);
        LayeredFileSystem view;
        try {
            view = (LayeredFileSystem) configuration.apply(Files.createDirectory(memory.getPath("/upper"))).open();
        } catch (IOException | RuntimeException | Error failure) {
            memory.close();
            throw failure;
        }
        view.closeAfterwards(memory);
        try {
            takeTopLowerMetadata(view, view.config().lowers());
        } catch (IOException | RuntimeException | Error failure) {
            view.close();
            throw failure;
        }
        return view;
    }

    private static void takeTopLowerMetadata(LayeredFileSystem view, List<Path> lowers) throws IOException {
        if (!lowers.isEmpty()) {
            Path top = lowers.get(0);
            BasicFileAttributes attrs = Files.readAttributes(top, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            view.view().copyUp().copyMetadata(top, attrs, view.config().root());
        }
    }
}

package org.cowvfs.examples.junit;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cowvfs.Change;
import org.cowvfs.CowFileSystem;
import org.cowvfs.WhiteoutFormat;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The views one test has opened, one per distinct {@link CowSandbox} (same fixtures and format, same
 * view): opened on first use, described for a failure report, and closed after the test.
 * Kept in the test's {@link ExtensionContext.Store}, which also closes them if the test ends
 * before the extension's own after-each callback can.
 */
final class TestViews implements ExtensionContext.Store.CloseableResource, Closeable {
    private final Map<Key, CowFileSystem> views = new LinkedHashMap<>();

    /** A view is shared by every {@code @CowSandbox} with the same fixtures and format. */
    private record Key(List<String> fixtures, WhiteoutFormat whiteouts) {
        static Key of(CowSandbox sandbox) {
            return new Key(List.of(sandbox.value()), sandbox.whiteouts());
        }
    }

    /** The view {@code sandbox} names, opened over its fixtures on first use. */
    synchronized CowFileSystem open(CowSandbox sandbox, Class<?> testClass) throws IOException {
        Key key = Key.of(sandbox);
        CowFileSystem view = views.get(key);
        if (view == null) {
            view = org.cowvfs.CowSandbox.builder(FixtureDirectories.resolve(sandbox.value(), testClass))
                    .whiteouts(sandbox.whiteouts()).build().open();
            views.put(key, view);
        }
        return view;
    }

    /** One paragraph per view: its fixtures and its changes in docker diff notation. */
    synchronized String describeChanges() {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<Key, CowFileSystem> entry : views.entrySet()) {
            text.append("@CowSandbox ").append(entry.getKey().fixtures()).append(" changed:");
            try {
                List<Change> changes = entry.getValue().changes();
                if (changes.isEmpty()) {
                    text.append(" nothing");
                }
                changes.forEach(change -> text.append(System.lineSeparator()).append("  ").append(change));
            } catch (IOException | RuntimeException e) {
                text.append(" (cannot list: ").append(e).append(')');
            }
            text.append(System.lineSeparator());
        }
        return text.toString();
    }

    @Override
    public synchronized void close() throws IOException {
        List<IOException> failures = new ArrayList<>();
        for (CowFileSystem view : views.values()) {
            try {
                view.close();
            } catch (IOException e) {
                failures.add(e);
            }
        }
        views.clear();
        if (!failures.isEmpty()) {
            failures.subList(1, failures.size()).forEach(failures.get(0)::addSuppressed);
            throw failures.get(0);
        }
    }
}

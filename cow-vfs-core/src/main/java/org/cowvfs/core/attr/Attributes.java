package org.cowvfs.core.attr;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttributeView;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.cowvfs.CowFileAttributeView;
import org.cowvfs.core.View;
import org.cowvfs.core.copyup.CopyUp;
import org.cowvfs.core.layer.DirStack;
import org.cowvfs.core.layer.Node;

/**
 * Attributes of view entries (overlayfs' inode.c): reads come from the visible copy (a merged
 * directory shows its topmost directory's attributes), changes first copy the entry up and are
 * then made on the writable copy. The standard views ({@code basic}, {@code posix}, {@code owner},
 * {@code unix}, {@code user}, ...) are those of the underlying stores; {@code cow} is the view's
 * own, read-only.
 */
public final class Attributes {
    /** Methods of the standard attribute views that do not change anything. */
    private static final Set<String> READERS = Set.of("name", "readAttributes", "getOwner", "list", "size", "read");

    private final View view;

    public Attributes(View view) {
        this.view = view;
    }

    public <A extends BasicFileAttributes> A read(Path path, Class<A> type, LinkOption... options) throws IOException {
        Node node = view.existing(path, follows(options));
        return Files.readAttributes(node.real(), type, LinkOption.NOFOLLOW_LINKS);
    }

    public Map<String, Object> read(Path path, String attributes, LinkOption... options) throws IOException {
        Node node = view.existing(path, follows(options));
        String viewName = attributes.contains(":") ? attributes.substring(0, attributes.indexOf(':')) : "basic";
        if (CowFileAttributeView.NAME.equals(viewName)) {
            return select(layerAttributes(node).asMap(), attributes.substring(attributes.indexOf(':') + 1), attributes);
        }
        return Files.readAttributes(node.real(), attributes, LinkOption.NOFOLLOW_LINKS);
    }

    public void set(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        Path real = writableCopy(path, follows(options));
        Files.setAttribute(real, attribute, value, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * A view of {@code type} whose reads see the visible copy and whose changes copy the entry up
     * first; null when the underlying store has no such view.
     */
    @SuppressWarnings("unchecked")
    public <V extends FileAttributeView> V view(Path path, Class<V> type, LinkOption... options) {
        boolean follow = follows(options);
        if (type == CowFileAttributeView.class) {
            return (V) (CowFileAttributeView) () -> layerAttributes(view.existing(path, follow));
        }
        if (Files.getFileAttributeView(view.config().root(), type) == null) {
            return null;
        }
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class || method.getName().equals("name")) {
                return method.getName().equals("equals") ? proxy == args[0]
                        : method.invoke(Files.getFileAttributeView(view.config().root(), type), args);
            }
            boolean reads = READERS.contains(method.getName());
            Path real = reads ? view.existing(path, follow).real() : writableCopy(path, follow);
            V realView = Files.getFileAttributeView(real, type, LinkOption.NOFOLLOW_LINKS);
            try {
                return method.invoke(realView, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (V) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private Path writableCopy(Path path, boolean follow) throws IOException {
        view.checkWritable();
        Node node = view.existing(path, follow);
        return view.copyUp().copyUp(node, CopyUp.ALL);
    }

    private LayerAttributes layerAttributes(Node node) throws IOException {
        boolean directory = node.attrs().isDirectory();
        DirStack stack = directory ? view.resolver().stackOf(node) : null;
        return new LayerAttributes(node.found().index(), node.found().entry().layer().root(), node.inWritableLayer(),
                stack != null && stack.merged(), directory && view.markers().opacity(node.real()) != null,
                node.real());
    }

    private static Map<String, Object> select(Map<String, Object> all, String names, String request) {
        if (names.equals("*")) {
            return all;
        }
        Map<String, Object> selected = new HashMap<>();
        for (String name : names.split(",")) {
            if (!all.containsKey(name)) {
                throw new IllegalArgumentException("'" + name + "' not recognized in '" + request + "'");
            }
            selected.put(name, all.get(name));
        }
        return selected;
    }

    private static boolean follows(LinkOption... options) {
        for (LinkOption option : options) {
            if (option == LinkOption.NOFOLLOW_LINKS) {
                return false;
            }
        }
        return true;
    }
}

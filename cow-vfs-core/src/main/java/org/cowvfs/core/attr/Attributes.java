package org.cowvfs.core.attr;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cowvfs.CowFileAttributeView;
import org.cowvfs.core.Options;
import org.cowvfs.core.View;
import org.cowvfs.core.copyup.CopyRecords;
import org.cowvfs.core.layer.DirStack;
import org.cowvfs.core.layer.Node;

/**
 * Attributes of view entries (overlayfs' inode.c): reads come from the visible copy (a merged
 * directory shows its topmost directory's attributes) with the view's stable {@link ViewFileKey};
 * changes first make a metadata-only copy-up (the data stays below until it is written) and are
 * then made on the writable copy. The standard views ({@code basic}, {@code posix}, {@code owner},
 * {@code unix}, {@code user}, ...) are those of the underlying stores, minus the view's private
 * xattrs; {@code cow} is the view's own, read-only.
 */
public final class Attributes {
    /** Methods of the standard attribute views that do not change anything. */
    private static final Set<String> READERS = Set.of("readAttributes", "getOwner", "list", "size", "read");
    private static final String USER_VIEW = "user";

    private final View view;

    public Attributes(View view) {
        this.view = view;
    }

    /** {@code Files.readAttributes(path, type, options)} on the view. */
    @SuppressWarnings("unchecked")
    public <A extends BasicFileAttributes> A read(Path path, Class<A> type, LinkOption... options) throws IOException {
        Node node = view.observed(path, Options.follows(options));
        // The lookup has just read the visible copy's basic attributes (or, in a read-only layer,
        // read them once for good): no need to ask the store again.
        A real = type == BasicFileAttributes.class ? (A) node.attrs()
                : Files.readAttributes(node.real(), type, LinkOption.NOFOLLOW_LINKS);
        return (A) KeyedAttributes.of(real, keyOf(node, real));
    }

    /** {@code Files.readAttributes(path, "view:names", options)} on the view. */
    public Map<String, Object> read(Path path, String attributes, LinkOption... options) throws IOException {
        Node node = view.observed(path, Options.follows(options));
        String viewName = attributes.contains(":") ? attributes.substring(0, attributes.indexOf(':')) : "basic";
        if (CowFileAttributeView.NAME.equals(viewName)) {
            return select(layerAttributes(node).asMap(), attributes.substring(attributes.indexOf(':') + 1), attributes);
        }
        Map<String, Object> values = new LinkedHashMap<>(
                Files.readAttributes(node.real(), attributes, LinkOption.NOFOLLOW_LINKS));
        if (USER_VIEW.equals(viewName)) {
            values.keySet().removeIf(CopyRecords::isPrivate);
        }
        if (values.containsKey("fileKey")) {
            values.put("fileKey", keyOf(node, node.attrs()));
        }
        return values;
    }

    /** {@code Files.setAttribute} on the view. */
    public void set(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        if (attribute.startsWith(USER_VIEW + ":")) {
            refusePrivate(path, attribute.substring(USER_VIEW.length() + 1));
        }
        Target target = writableCopy(path, Options.follows(options));
        if (target.special()) {
            SpecialFileAttributes.set(target.real(), attribute, value);
        } else {
            Files.setAttribute(target.real(), attribute, value, LinkOption.NOFOLLOW_LINKS);
        }
    }

    /**
     * A view of {@code type} whose reads see the visible copy and whose changes copy the entry up
     * first (metadata only); null when the underlying store has no such view.
     */
    @SuppressWarnings("unchecked")
    public <V extends FileAttributeView> V view(Path path, Class<V> type, LinkOption... options) {
        boolean follow = Options.follows(options);
        if (type == CowFileAttributeView.class) {
            return (V) (CowFileAttributeView) () -> layerAttributes(view.observed(path, follow));
        }
        V rootView = Files.getFileAttributeView(view.config().root(), type);
        if (rootView == null) {
            return null;
        }
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, method, args, type);
            }
            if (method.getName().equals("name")) {
                return rootView.name();
            }
            return invoke(path, follow, type, method, args);
        };
        return (V) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private <V extends FileAttributeView> Object invoke(Path path, boolean follow, Class<V> type, Method method,
            Object[] args) throws Throwable {
        boolean reads = READERS.contains(method.getName());
        boolean userView = type == UserDefinedFileAttributeView.class;
        if (userView && args != null && args.length > 0 && args[0] instanceof String) {
            refusePrivate(path, (String) args[0]);
        }
        Node node = reads ? view.observed(path, follow) : null;
        Target target = reads ? new Target(node.real(), node.attrs().isOther()) : writableCopy(path, follow);
        if (target.special() && userView) {
            return SpecialFileAttributes.userView(target.real(), method.getName());
        }
        if (target.special() && method.getName().equals("setTimes")) {
            SpecialFileAttributes.setTimes(target.real(), (FileTime) args[0], (FileTime) args[1]);
            return null;
        }
        // A special file's changes go through its path: see SpecialFileAttributes.
        V realView = target.special() ? Files.getFileAttributeView(target.real(), type)
                : Files.getFileAttributeView(target.real(), type, LinkOption.NOFOLLOW_LINKS);
        Object result;
        try {
            result = method.invoke(realView, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (userView && method.getName().equals("list")) {
            return ((List<?>) result).stream().filter(name -> !CopyRecords.isPrivate((String) name)).toList();
        }
        if (result instanceof BasicFileAttributes) {
            return KeyedAttributes.of((BasicFileAttributes) result, keyOf(node, (BasicFileAttributes) result));
        }
        return result;
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args, Class<?> type) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "cow view " + type.getSimpleName();
        };
    }

    private static void refusePrivate(Path path, String xattrName) throws FileSystemException {
        if (CopyRecords.isPrivate(xattrName)) {
            throw new FileSystemException(path.toString(), null, "reserved attribute name: " + xattrName);
        }
    }

    private Target writableCopy(Path path, boolean follow) throws IOException {
        view.checkWritable();
        Node node = view.existing(path, follow);
        return new Target(view.copyUp().copyUpMetadata(node), node.attrs().isOther());
    }

    /** The real entry an attribute change is made on, and whether it is a special file. */
    private record Target(Path real, boolean special) {
    }

    /** Only copies (in writable layers) carry a recorded origin; lower files are their own. */
    private static ViewFileKey keyOf(Node node, BasicFileAttributes attrs) throws IOException {
        if (node.inWritableLayer() && CopyRecords.mayHoldRecords(attrs)) {
            String recorded = CopyRecords.origin(node.real());
            if (recorded != null) {
                return ViewFileKey.recorded(recorded);
            }
        }
        return attrs.fileKey() == null ? null : ViewFileKey.own(node.real(), attrs.fileKey());
    }

    private LayerAttributes layerAttributes(Node node) throws IOException {
        boolean directory = node.attrs().isDirectory();
        DirStack stack = directory ? view.resolver().stackOf(node) : null;
        ViewFileKey key = keyOf(node, node.attrs());
        return new LayerAttributes(node.found().index(), node.found().entry().layer().root(), node.inWritableLayer(),
                stack != null && stack.merged(), directory && view.markers().opacity(node.real()) != null,
                node.real(), key == null ? 0 : key.fileId());
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
}

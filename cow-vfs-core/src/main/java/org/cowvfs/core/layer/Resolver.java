package org.cowvfs.core.layer;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves view paths to {@link Node}s, walking one name at a time from the root and following
 * symbolic links <em>inside the view</em>: an absolute target starts again at the view's root,
 * {@code ..} at the root stays at the root, and more than {@value #MAX_LINKS} links in one walk
 * fail as "Too many levels of symbolic links" (ELOOP). {@code ..} is applied to the directory
 * actually reached, as the kernel does, not lexically. A lookup the view keeps
 * ({@link LookupCache}) is not walked again, and a name in a directory whose stack is cached
 * ({@link StackCache}) is looked up there without a walk to it.
 */
public final class Resolver {
    static final int MAX_LINKS = 40;

    private final StackBuilder stacks;
    private final StackCache cache;
    private final LookupCache lookups = new LookupCache();

    public Resolver(StackBuilder stacks) {
        this.stacks = stacks;
        this.cache = stacks.cache();
    }

    /** The stack builder this resolver walks with. */
    public StackBuilder stacks() {
        return stacks;
    }

    /**
     * Records that a change of names through the view has ended: lookups resolved before it are
     * not reused. Called at the end of every change made under the view's namespace lock.
     */
    public void namesChanged() {
        cache.namesChanged();
    }

    /**
     * Resolves {@code names} (an absolute view path), walking it afresh.
     *
     * @param display the path as the user wrote it, for exception messages
     * @param followLast whether a symbolic link in the last position is followed
     * @throws NoSuchFileException if a parent directory is not visible
     * @throws FileSystemException "Not a directory" when a parent is not a directory, or ELOOP
     */
    public Node resolve(String display, List<String> names, boolean followLast) throws IOException {
        return resolve(display, null, names, followLast);
    }

    /**
     * {@link #resolve(String, List, boolean)}, reusing the node of an earlier lookup of the same
     * {@code path} while it is still what the view shows ({@link LookupCache}).
     *
     * @param path the absolute view path whose names are {@code names}, the key of the lookup;
     *     null to walk afresh (a change resolves its paths so, as its own changes are not
     *     recorded until it ends)
     */
    public Node resolve(String display, String path, List<String> names, boolean followLast) throws IOException {
        long now = System.nanoTime();
        if (path != null) {
            Node kept = lookups.get(path, names, cache.stamp(), now);
            if (kept != null && StackCheck.current(kept.parent())) {
                return kept;
            }
            Node inParent = inCachedParent(path, names, followLast, now);
            if (inParent != null) {
                return inParent;
            }
        }
        Node node = walk(display, path, names, followLast, true, now);
        if (node != null) {
            return node;
        }
        // A cached stack no longer matched the disk: the walk may have passed other stale stacks
        // on its way, so forget them all and walk again on stacks built from the disk as it is now.
        cache.invalidateAll();
        return walk(display, path, names, followLast, false, System.nanoTime());
    }

    /**
     * The last name of {@code path} looked up in its parent's cached stack, or null when that
     * stack is not cached, trusted and current, or the name needs the walk: {@code .}, {@code ..},
     * a {@code .mount} file (found in a stack built without its own directory's mounts), a link to
     * follow. A walk gives the same node: it takes each level's cached stack as it reaches it,
     * without looking again at the directories above (a cached stack is dropped with them when
     * they change through the view, and is trusted no longer than a second after a change on
     * disk), and checks only the deepest one it takes. Starting there spares a walk one cache
     * lookup per level, each with the key hashed afresh: a quarter of a walk of a tree's entries.
     */
    private Node inCachedParent(String path, List<String> names, boolean followLast, long now) throws IOException {
        int count = names.size();
        if (count < 2) {
            return null; // the root's stack is at hand anyway
        }
        String name = names.get(count - 1);
        int slash = path.length() - name.length() - 1;
        if (!isPlainName(name) || name.equals(StackBuilder.MOUNT_FILE) || slash <= 0 || path.charAt(slash) != '/') {
            return null;
        }
        long stamp = cache.stamp();
        // Keys hold canonical paths only: a parent written with "." or ".." or a link is not found.
        StackCache.Cached cached = cache.get(path.substring(0, slash), now);
        if (cached == null || !StackCheck.current(cached.stack())) {
            return null;
        }
        DirStack parent = cached.stack();
        Found found = this.stacks.find(parent, name);
        if (found != null && found.attrs().isSymbolicLink() && followLast) {
            return null;
        }
        Node node = new Node(List.copyOf(names), parent, found, null);
        if (LookupCache.keeps(parent, found)) {
            lookups.offer(path, node, stamp, cached.trustedUntil());
        }
        return node;
    }

    private static boolean isPlainName(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..");
    }

    /**
     * {@link #resolve}, or null when {@code checkCached} and a cached stack found stale. Keeps the
     * node under {@code path} when nothing but {@code path} and the read-only layers decided it.
     */
    private Node walk(String display, String path, List<String> names, boolean followLast, boolean checkCached,
            long now) throws IOException {
        long stamp = cache.stamp();
        Deque<String> pending = new ArrayDeque<>(names);
        List<String> at = new ArrayList<>();
        String atKey = ""; // at as a cache key: "/a/b", grown name by name instead of joined at every level
        Deque<DirStack> stacks = new ArrayDeque<>();
        boolean rootMountFile = names.size() == 1 && StackBuilder.MOUNT_FILE.equals(names.get(0));
        // Whether the node may be kept: not after ".", "..", a link, or a stack of a .mount's directory.
        boolean keepable = path != null && !rootMountFile;
        StackCache.Cached root = rootMountFile ? null : this.stacks.rootStack(now);
        DirStack dir = root == null ? this.stacks.rootStackWithoutMounts() : root.stack();
        long trustedUntil = root == null ? now : root.trustedUntil();
        int links = 0;
        boolean unchecked = false;
        while (!pending.isEmpty()) {
            String name = pending.pollFirst();
            if (name.isEmpty() || name.equals(".")) {
                keepable = false;
                continue;
            }
            if (name.equals("..")) {
                keepable = false;
                if (!at.isEmpty()) {
                    at.remove(at.size() - 1);
                    atKey = atKey.substring(0, atKey.lastIndexOf('/'));
                    dir = stacks.pop();
                    unchecked = checkCached;
                }
                continue;
            }
            boolean last = onlyDots(pending);
            boolean mountFileNext = pending.size() == 1 && StackBuilder.MOUNT_FILE.equals(pending.peekFirst());
            // The last name is looked up, never descended into, so it needs no key.
            String key = last ? null : atKey + '/' + name;
            if (!last && !mountFileNext) {
                StackCache.Cached cached = cache.get(key, now);
                if (cached != null) {
                    // Only directories have stacks, and any change of what a name is invalidates them.
                    stacks.push(dir);
                    dir = cached.stack();
                    trustedUntil = Math.min(trustedUntil, cached.trustedUntil());
                    at.add(name);
                    atKey = key;
                    unchecked = checkCached;
                    continue;
                }
            }
            // Checked once per walk, before the stack is looked in or built on: the deepest cached one.
            if (unchecked) {
                if (!StackCheck.current(dir)) {
                    return null;
                }
                unchecked = false;
            }
            long stackStamp = cache.stamp();
            Found found = this.stacks.find(dir, name);
            if (found != null && found.attrs().isSymbolicLink() && (!last || followLast)) {
                if (++links > MAX_LINKS) {
                    throw new FileSystemException(display, null, "Too many levels of symbolic links");
                }
                keepable = false;
                String target = Files.readSymbolicLink(found.real()).toString();
                pushTarget(pending, target);
                if (target.startsWith("/")) {
                    at.clear();
                    atKey = "";
                    stacks.clear();
                    dir = this.stacks.rootStack();
                    unchecked = false;
                }
                continue;
            }
            if (last) {
                List<String> resolved = new ArrayList<>(at);
                resolved.add(name);
                Node node = new Node(List.copyOf(resolved), dir, found, null);
                if (keepable && LookupCache.keeps(dir, found)) {
                    lookups.offer(path, node, stamp, trustedUntil);
                }
                return node;
            }
            if (found == null) {
                throw new NoSuchFileException(display);
            }
            if (!found.attrs().isDirectory()) {
                throw new FileSystemException(display, null, "Not a directory");
            }
            stacks.push(dir);
            if (mountFileNext) {
                keepable = false;
                dir = this.stacks.childWithoutMounts(dir, name, found);
            } else {
                DirStack parent = dir;
                dir = this.stacks.child(parent, name, found);
                cache.put(key, dir, stackStamp, now);
            }
            at.add(name);
            atKey = key;
        }
        if (at.isEmpty()) {
            return rootNode(dir);
        }
        // The walk ended on "." or ".." below the root: resolve the directory reached, whose
        // canonical path holds no links.
        return resolve(display, List.copyOf(at), false);
    }

    private Node rootNode(DirStack root) throws IOException {
        StackEntry top = root.top();
        BasicFileAttributes attrs = StackBuilder.attributesOrNull(top.dir());
        if (attrs == null) {
            throw new NoSuchFileException(top.dir().toString(), null, "the view's root directory is gone");
        }
        return new Node(List.of(), null, new Found(root.topIndex(), top, top.dir(), attrs), root);
    }

    private static void pushTarget(Deque<String> pending, String target) {
        String[] parts = target.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            pending.addFirst(parts[i]);
        }
    }

    /** The stack of the directory {@code node} names (which must be a visible directory). */
    public DirStack stackOf(Node node) throws IOException {
        if (node.isRoot()) {
            return node.rootStack();
        }
        String key = node.virtualPath();
        DirStack cached = cache.get(key);
        if (cached != null) {
            if (StackCheck.current(cached)) {
                return cached;
            }
            cache.invalidateTree(key);
        }
        long stamp = cache.stamp();
        long builtAt = System.nanoTime();
        DirStack stack = stacks.child(node.parent(), node.name(), node.found());
        cache.put(key, stack, stamp, builtAt);
        return stack;
    }

    private static boolean onlyDots(Deque<String> pending) {
        for (String name : pending) {
            if (!name.isEmpty() && !name.equals(".")) {
                return false;
            }
        }
        return true;
    }
}

package org.cowvfs.core.path;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Describes what a {@link Path} implementation answers, as text that does not depend on the
 * provider: the answers of a cow: path and of the default provider's path for the same strings must
 * describe alike. A result is shown by its string form in quotes, an exception by its class.
 */
final class PathBehaviour {
    private PathBehaviour() {}

    /** Everything a path answers about itself. */
    static List<String> of(Path p) {
        List<String> out = new ArrayList<>();
        out.add("toString " + outcome(p::toString));
        out.add("isAbsolute " + p.isAbsolute());
        out.add("getRoot " + outcome(p::getRoot));
        out.add("getFileName " + outcome(p::getFileName));
        out.add("getParent " + outcome(p::getParent));
        out.add("getNameCount " + p.getNameCount());
        out.add("normalize " + outcome(p::normalize));
        List<String> names = new ArrayList<>();
        p.iterator().forEachRemaining(name -> names.add(name.toString()));
        out.add("iterator " + names);
        int count = p.getNameCount();
        for (int i = -1; i <= count; i++) {
            int index = i;
            out.add("getName(" + i + ") " + outcome(() -> p.getName(index)));
            for (int j = -1; j <= count + 1; j++) {
                int end = j;
                out.add("subpath(" + i + "," + j + ") " + outcome(() -> p.subpath(index, end)));
            }
        }
        return out;
    }

    /**
     * Everything one path answers about another of the same provider; {@code otherString} is the
     * other's string as given, for the overloads that take a string.
     */
    static List<String> of(Path p, Path other, String otherString) {
        List<String> out = new ArrayList<>();
        out.add("resolve " + outcome(() -> p.resolve(other)));
        out.add("resolve(String) " + outcome(() -> p.resolve(otherString)));
        out.add("resolveSibling " + outcome(() -> p.resolveSibling(other)));
        out.add("resolveSibling(String) " + outcome(() -> p.resolveSibling(otherString)));
        out.add("relativize " + outcome(() -> p.relativize(other)));
        out.add("startsWith " + p.startsWith(other));
        out.add("startsWith(String) " + p.startsWith(otherString));
        out.add("endsWith " + p.endsWith(other));
        out.add("endsWith(String) " + p.endsWith(otherString));
        out.add("compareTo " + Integer.signum(p.compareTo(other)));
        out.add("equals " + p.equals(other));
        return out;
    }

    static String outcome(Callable<?> call) {
        try {
            Object result = call.call();
            return result == null ? "null" : "'" + result + "'";
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }
}

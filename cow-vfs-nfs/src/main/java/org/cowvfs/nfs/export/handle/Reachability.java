package org.cowvfs.nfs.export.handle;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which objects of a handle table can still be named by a path: those whose chain of parents
 * leads to the root. The others were under a directory that is gone; compaction drops them, as
 * their handles could only ever answer STALE.
 */
final class Reachability {
    private Reachability() {
    }

    static Set<Long> fromRoot(Map<Long, TableEntry> entries) {
        Map<Long, Boolean> known = new HashMap<>();
        known.put(ObjectTable.ROOT, true);
        Set<Long> reachable = new HashSet<>();
        for (long id : entries.keySet()) {
            if (reachable(id, entries, known)) {
                reachable.add(id);
            }
        }
        return reachable;
    }

    private static boolean reachable(long start, Map<Long, TableEntry> entries, Map<Long, Boolean> known) {
        Set<Long> chain = new HashSet<>();
        long id = start;
        Boolean answer = known.get(id);
        // Walks up until an answer is known; a missing parent or a cycle means unreachable.
        while (answer == null) {
            TableEntry entry = entries.get(id);
            if (entry == null || !chain.add(id)) {
                answer = false;
            } else {
                id = entry.parent();
                answer = known.get(id);
            }
        }
        for (long member : chain) {
            known.put(member, answer);
        }
        return answer;
    }
}

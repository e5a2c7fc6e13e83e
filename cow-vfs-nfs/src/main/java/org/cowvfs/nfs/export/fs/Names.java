package org.cowvfs.nfs.export.fs;

import org.cowvfs.nfs.xdr.nfs3.Nfsstat3;

/**
 * Checks of the file names clients send. A name must be one path component: not empty, without
 * {@code /} or NUL, or it could name something other than an entry of the directory at hand.
 * {@code .} and {@code ..} name existing entries: LOOKUP follows them; creating one answers
 * NFS3ERR_EXIST and removing or renaming one NFS3ERR_ACCES, as Linux nfsd does.
 */
public final class Names {
    private Names() {
    }

    /**
     * Whether a name is {@code .} or {@code ..}.
     *
     * @param name the name
     * @return {@code true} for the two names every directory has
     */
    public static boolean isDot(String name) {
        return name.equals(".") || name.equals("..");
    }

    /**
     * Checks that a name is a single component.
     *
     * @param name the name
     * @return the name
     * @throws NfsException NFS3ERR_ACCES for an empty name or one holding {@code /} or NUL
     */
    public static String component(String name) throws NfsException {
        if (name.isEmpty() || name.indexOf('/') >= 0 || name.indexOf('\0') >= 0) {
            throw new NfsException(Nfsstat3.NFS3ERR_ACCES, "not a file name: \"" + name + "\"");
        }
        return name;
    }

    /**
     * Checks a name for a new entry.
     *
     * @param name the name
     * @return the name
     * @throws NfsException NFS3ERR_EXIST for {@code .} and {@code ..}, NFS3ERR_ACCES for a name
     *     that is not a single component
     */
    public static String newEntry(String name) throws NfsException {
        if (isDot(name)) {
            throw new NfsException(Nfsstat3.NFS3ERR_EXIST, name + " always exists");
        }
        return component(name);
    }

    /**
     * Checks a name to remove or rename.
     *
     * @param name the name
     * @return the name
     * @throws NfsException NFS3ERR_ACCES for {@code .}, {@code ..} and names that are not a single
     *     component
     */
    public static String existingEntry(String name) throws NfsException {
        if (isDot(name)) {
            throw new NfsException(Nfsstat3.NFS3ERR_ACCES, "cannot remove or rename " + name);
        }
        return component(name);
    }
}

package org.cowvfs.core.attr;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;

/**
 * The 64-bit number of a view file key ({@code cow:fileId}, and the NFS server's {@code fileid3}):
 * made from the original's device and inode number as overlayfs' {@code xino} makes its inode
 * numbers, so it is the same for every copy, across copy-up, rename, reopen and restart, and
 * distinct for distinct objects.
 *
 * <p>A key of the default provider on Linux names its device and inode number. When the device's
 * major number is below 2<sup>11</sup>, its minor number below 2<sup>12</sup> and the inode number
 * below 2<sup>40</sup> (every ext4 file system, and any other short of 2<sup>40</sup> inodes), the
 * number is {@code major << 52 | minor << 40 | ino}: one-to-one, hence unique. Any other key (other
 * providers such as Jimfs, or numbers out of those ranges) gets a 63-bit fingerprint of its
 * identity with the top bit set, so the two kinds never meet; fingerprints are unique only with
 * overwhelming probability.
 */
public final class FileIds {
    /** How {@code UnixFileKey.toString()} begins, after the store's URI: the device follows in hex. */
    private static final String DEVICE = "#(dev=";
    /** What follows the device: the inode number in decimal, then ")". */
    private static final String INODE = ",ino=";
    private static final int MAJOR_BITS = 11;
    private static final int MINOR_BITS = 12;
    private static final int INO_BITS = 40;
    private static final long FINGERPRINTED = Long.MIN_VALUE;

    private FileIds() {
    }

    /**
     * The number of a file key's identity.
     *
     * @param identity a {@link ViewFileKey#identity()}
     * @return its file id
     */
    public static long of(String identity) {
        int device = identity.lastIndexOf(DEVICE);
        int inode = device < 0 ? -1 : identity.indexOf(INODE, device);
        if (inode > 0 && identity.endsWith(")")) {
            try {
                long dev = Long.parseUnsignedLong(identity, device + DEVICE.length(), inode, 16);
                long ino = Long.parseLong(identity, inode + INODE.length(), identity.length() - 1, 10);
                // glibc's gnu_dev_major and gnu_dev_minor.
                long major = ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
                long minor = (dev & 0xff) | ((dev >>> 12) & ~0xffL);
                if (fits(major, MAJOR_BITS) && fits(minor, MINOR_BITS) && fits(ino, INO_BITS)) {
                    return major << (MINOR_BITS + INO_BITS) | minor << INO_BITS | ino;
                }
            } catch (NumberFormatException notAUnixKey) {
                // Some other provider's key that looks alike: fingerprinted below.
            }
        }
        long fingerprint = Hashing.farmHashFingerprint64().hashString(identity, StandardCharsets.UTF_8).asLong();
        return FINGERPRINTED | fingerprint;
    }

    private static boolean fits(long value, int bits) {
        return value >= 0 && value < 1L << bits;
    }
}

package org.cowvfs.nfs;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * How clients reach a server that no portmapper announces: the URLs of libnfs's tools
 * ({@code nfs-ls}, {@code nfs-cat}, {@code nfs-cp}) and the Linux kernel's {@code mount} command,
 * both naming the one TCP port that serves NFS and MOUNT. The server logs them at start-up;
 * programs embedding it can print them.
 */
public final class ClientCommands {
    private ClientCommands() {
    }

    /**
     * The libnfs URL of a directory or file of the export. libnfs mounts what precedes the URL's
     * last name ({@code nfs-ls} the whole path), and the server mounts any directory of the view;
     * but for a name directly in the root that would be the empty path, which is no path of the
     * export, so such a name gets two slashes and libnfs mounts {@code /}.
     *
     * @param server the server's address; a wildcard address becomes the loopback address
     * @param path an absolute path of the view, e.g. {@code /}, {@code /file} or {@code /dir/file}
     * @return e.g. {@code nfs://127.0.0.1//file?version=3&nfsport=2049&mountport=2049} for
     *     {@code /file}, {@code nfs://127.0.0.1/dir/file?version=3&nfsport=2049&mountport=2049} for
     *     {@code /dir/file}
     * @throws IllegalArgumentException for a path that is not absolute, naming it
     */
    public static String libnfsUrl(InetSocketAddress server, String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a libnfs URL names an absolute path of the view, not " + path);
        }
        int port = server.getPort();
        boolean inRoot = path.length() > 1 && path.indexOf('/', 1) < 0;
        return "nfs://" + host(server) + (inRoot ? "/" : "") + path + "?version=3&nfsport=" + port + "&mountport="
                + port;
    }

    /**
     * The Linux command mounting the export {@code /}. {@code nolock}, because the server has no
     * NLM lock manager; the kernel then keeps locks local to the client.
     *
     * @param server the server's address; a wildcard address becomes the loopback address
     * @param mountPoint where to mount it
     * @return e.g. {@code mount -t nfs -o vers=3,proto=tcp,port=2049,mountport=2049,nolock 127.0.0.1:/ /mnt/x}
     */
    public static String linuxMount(InetSocketAddress server, String mountPoint) {
        int port = server.getPort();
        return "mount -t nfs -o vers=3,proto=tcp,port=" + port + ",mountport=" + port + ",nolock " + host(server)
                + ":/ " + mountPoint;
    }

    // A wildcard address accepts connections on every interface but cannot be connected to; the
    // loopback address reaches it from the server's own machine (IPv6 wildcards take IPv4 too).
    private static String host(InetSocketAddress server) {
        InetAddress address = server.getAddress();
        if (address.isAnyLocalAddress()) {
            address = InetAddress.getLoopbackAddress();
        }
        String literal = address.getHostAddress();
        return address instanceof Inet6Address ? "[" + literal + "]" : literal;
    }
}

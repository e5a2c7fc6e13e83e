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
     * The libnfs URL of the export {@code /} or of an entry directly in it. libnfs takes the last
     * name of a URL as the file and the rest as the export it mounts, so an entry of the export
     * {@code /} gets two slashes, and nothing deeper can be named: libnfs would mount its
     * directory, and the server exports {@code /} alone ({@code nfs-ls -R} of {@code /} reaches
     * everything).
     *
     * @param server the server's address; a wildcard address becomes the loopback address
     * @param path {@code /} or {@code /name}
     * @return e.g. {@code nfs://127.0.0.1/?version=3&nfsport=2049&mountport=2049} for {@code /},
     *     {@code nfs://127.0.0.1//file?version=3&nfsport=2049&mountport=2049} for {@code /file}
     * @throws IllegalArgumentException for any other path, naming it
     */
    public static String libnfsUrl(InetSocketAddress server, String path) {
        if (!path.startsWith("/") || path.indexOf('/', 1) >= 0) {
            throw new IllegalArgumentException("libnfs can name only / and the entries directly in it, not " + path);
        }
        int port = server.getPort();
        String inExport = path.equals("/") ? path : "/" + path;
        return "nfs://" + host(server) + inExport + "?version=3&nfsport=" + port + "&mountport=" + port;
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

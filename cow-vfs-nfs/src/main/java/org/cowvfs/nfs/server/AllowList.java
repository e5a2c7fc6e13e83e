package org.cowvfs.nfs.server;

import java.net.InetAddress;
import java.util.List;

/**
 * The client addresses a server answers: a union of CIDR blocks, checked on every call. The
 * default admits only the loopback address 127.0.0.1, so that starting a server never exposes a
 * view to the network by accident.
 *
 * @param blocks the blocks; a client in any of them is allowed
 */
public record AllowList(List<CidrBlock> blocks) {
    /** Only 127.0.0.1. */
    public static final AllowList LOCALHOST = of("127.0.0.1/32");

    /**
     * Copies the blocks.
     *
     * @param blocks the blocks; an empty list allows nobody
     */
    public AllowList {
        blocks = List.copyOf(blocks);
    }

    /**
     * Parses blocks in CIDR notation.
     *
     * @param blocks the blocks, e.g. {@code 127.0.0.1/32}, {@code 10.0.0.0/8}, {@code fd00::/8}
     * @return the allow list
     * @throws IllegalArgumentException naming the first block that does not parse
     */
    public static AllowList of(String... blocks) {
        return new AllowList(List.of(blocks).stream().map(CidrBlock::parse).toList());
    }

    /**
     * Whether a client may call.
     *
     * @param client the client's address
     * @return {@code true} if it lies in one of the blocks
     */
    public boolean allows(InetAddress client) {
        return blocks.stream().anyMatch(block -> block.contains(client));
    }

    @Override
    public String toString() {
        return blocks.toString();
    }
}

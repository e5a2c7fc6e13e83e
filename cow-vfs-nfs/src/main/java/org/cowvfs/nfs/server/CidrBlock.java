package org.cowvfs.nfs.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * One block of IPv4 or IPv6 addresses in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}),
 * or a single address without a prefix length. Parsing accepts address literals only: a host
 * name is refused rather than resolved, because an allow list that depends on DNS at start-up
 * would silently change meaning with it.
 */
public final class CidrBlock {
    // Dotted quad only: InetAddress would also accept "10" or "10.1" and resolve anything else.
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final byte[] network;
    private final int prefixLength;

    private CidrBlock(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /**
     * Parses {@code address/prefix} or a bare address (a block of one).
     *
     * @param text the block, e.g. {@code 127.0.0.1/32}, {@code 192.168.0.0/16}, {@code ::1/128}
     * @return the block
     * @throws IllegalArgumentException naming {@code text} if it is not an IPv4 or IPv6 literal
     *     with an optional prefix length in range, or if it has bits set beyond the prefix
     */
    public static CidrBlock parse(String text) {
        int slash = text.indexOf('/');
        String addressText = slash < 0 ? text : text.substring(0, slash);
        byte[] address = parseLiteral(text, addressText);
        int bits = address.length * 8;
        int prefix = slash < 0 ? bits : parsePrefix(text, text.substring(slash + 1), bits);
        byte[] masked = mask(address, prefix);
        if (!Arrays.equals(masked, address)) {
            throw invalid(text, "bits are set beyond the /" + prefix + " prefix; the block is "
                    + format(masked) + "/" + prefix);
        }
        return new CidrBlock(masked, prefix);
    }

    /**
     * Whether an address lies in this block. An IPv4 address never lies in an IPv6 block or the
     * other way round; Java already reports IPv4-mapped IPv6 peers as IPv4 addresses.
     *
     * @param address the address
     * @return {@code true} if its first prefix-length bits equal the block's
     */
    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == network.length && Arrays.equals(mask(bytes, prefixLength), network);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CidrBlock block && prefixLength == block.prefixLength
                && Arrays.equals(network, block.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        return format(network) + "/" + prefixLength;
    }

    private static byte[] parseLiteral(String text, String addressText) {
        if (!IPV4.matcher(addressText).matches() && !IPV6.matcher(addressText).matches()) {
            throw invalid(text, "not an IPv4 or IPv6 address literal");
        }
        try {
            return InetAddress.getByName(addressText).getAddress();
        } catch (UnknownHostException e) {
            // Only literals reach getByName, so this is a malformed literal, never a DNS failure.
            throw invalid(text, "not an IPv4 or IPv6 address literal");
        }
    }

    private static int parsePrefix(String text, String prefixText, int bits) {
        if (!prefixText.matches("\\d{1,3}")) {
            throw invalid(text, "the prefix length must be a number from 0 to " + bits);
        }
        int prefix = Integer.parseInt(prefixText);
        if (prefix > bits) {
            throw invalid(text, "the prefix length must be a number from 0 to " + bits);
        }
        return prefix;
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] masked = new byte[address.length];
        for (int i = 0; i < address.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - 8 * i));
            masked[i] = (byte) (address[i] & (0xff00 >> keep));
        }
        return masked;
    }

    private static String format(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4 or 16 byte address is always valid", e);
        }
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException("invalid CIDR block '" + text + "': " + why);
    }
}

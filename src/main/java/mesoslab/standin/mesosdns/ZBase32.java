package mesoslab.standin.mesosdns;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * z-base-32 (the human-oriented base 32 Mesos-DNS uses for the 5-character task hash in canonical
 * task names). Bits are taken most significant first, 5 at a time; the last group is padded with
 * zero bits and no padding characters are written.
 */
public final class ZBase32 {
    private static final String ALPHABET = "ybndrfg8ejkmcpqxot1uwisza345h769";

    private ZBase32() {}

    public static String encode(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /** First 5 characters of z-base-32(SHA-1(taskId)): the hash part of a canonical task name. */
    public static String taskHash(String taskId) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(taskId.getBytes(StandardCharsets.UTF_8));
            return encode(sha1).substring(0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-1", e);
        }
    }
}

package mesoslab.standin.mesosdns;

import java.util.List;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * Fits a reply into the transport's size the way Mesos-DNS does: drop the additional section
 * first, then answers from the back; set TC when anything was dropped, unless
 * {@code SetTruncateBit} is false (a workaround for clients that cannot retry over TCP).
 */
final class Truncation {
    private Truncation() {}

    static byte[] toWire(Message reply, int maxSize, boolean setTruncateBit) {
        byte[] wire = reply.toWire();
        if (wire.length <= maxSize) {
            if (!setTruncateBit) {
                reply.getHeader().unsetFlag(Flags.TC);
                return reply.toWire();
            }
            return wire;
        }
        if (setTruncateBit) {
            reply.getHeader().setFlag(Flags.TC);
        } else {
            reply.getHeader().unsetFlag(Flags.TC);
        }
        reply.removeAllRecords(Section.ADDITIONAL);
        wire = reply.toWire();
        List<Record> answers = reply.getSection(Section.ANSWER);
        int keep = answers.size();
        while (wire.length >= maxSize && keep > 0) {
            keep--;
            reply.removeRecord(answers.get(keep), Section.ANSWER);
            wire = reply.toWire();
        }
        return wire;
    }
}

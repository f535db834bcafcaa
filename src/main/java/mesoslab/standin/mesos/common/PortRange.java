package mesoslab.standin.mesos.common;

/** An inclusive range of ports, as in Mesos' {@code Value.Range}. */
public record PortRange(long begin, long end) {
    public long size() {
        return end - begin + 1;
    }
}

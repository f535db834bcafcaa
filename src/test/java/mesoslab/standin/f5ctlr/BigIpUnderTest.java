package mesoslab.standin.f5ctlr;

import java.net.URI;
import java.util.List;

/**
 * The BIG-IP an end-to-end test drives the controller against, chosen by the system property
 * {@code f5ctlr.e2e.bigip}. Only {@code recorder} (the test-only {@link TestIControlServer}) exists
 * on this branch; the BIG-IP stand-in plugs in here as one more case once it is merged, and the
 * tests, which only speak iControl REST to it, run unchanged: a {@code standin} case that starts
 * {@code BigIpStandIn} on a free port with a state file (and again on the same port for
 * {@link #comeBack()}) passed all of {@link F5ControllerEndToEndTest} against branch
 * standin-bigip at adf56e7, in a scratch copy.
 */
interface BigIpUnderTest extends AutoCloseable {
    String USER = "admin";
    String PASSWORD = "e2e-secret";

    /** {@code https://host:port} of the iControl REST endpoint. */
    URI url();

    /** Makes the BIG-IP unreachable (connections refused). */
    void goDown() throws Exception;

    /** Brings it back on the same address with its configuration. */
    void comeBack() throws Exception;

    /** Requests received so far, {@code METHOD /mgmt/...} with the path decoded. */
    List<String> requests();

    @Override
    void close();

    static BigIpUnderTest start() throws Exception {
        String which = System.getProperty("f5ctlr.e2e.bigip", "recorder");
        if (which.equals("recorder")) {
            TestIControlServer server = new TestIControlServer(USER, PASSWORD);
            return new BigIpUnderTest() {
                @Override
                public URI url() {
                    return server.url();
                }

                @Override
                public void goDown() {
                    server.goDown();
                }

                @Override
                public void comeBack() throws Exception {
                    server.comeBack();
                }

                @Override
                public List<String> requests() {
                    return server.requests();
                }

                @Override
                public void close() {
                    server.close();
                }
            };
        }
        throw new IllegalArgumentException("f5ctlr.e2e.bigip=" + which + " is not known here; 'recorder' is");
    }
}

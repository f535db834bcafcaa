package mesoslab.standin.f5ctlr;

/**
 * Every end-to-end test again, with the BIG-IP stand-in (its own REST layer, configuration store,
 * state file and restart) in place of the recorder: the controller and the stand-in must agree on
 * the wire, not just each with its own test double.
 */
class F5ControllerOnTheBigIpStandInTest extends F5ControllerEndToEndTest {
    @Override
    BigIpUnderTest newBigIp() throws Exception {
        return BigIpUnderTest.standIn();
    }
}

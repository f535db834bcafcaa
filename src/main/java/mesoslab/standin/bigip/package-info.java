/**
 * BIG-IP stand-in: iControl REST over HTTPS (Basic auth and login tokens) for the objects the
 * F5 controller and the verifier touch — partitions, virtual servers, pools and members, nodes,
 * monitors, virtual addresses — in the shapes of reference section 3, kept in an atomically
 * written state file; and a real TCP data plane: each enabled virtual server listens on its
 * destination and forwards connections round robin to the pool members its monitors find up.
 *
 * <p>{@code config} holds the configuration and mcpd's rules (no HTTP), {@code rest} the wire
 * shapes, {@code dataplane} the listeners and monitors, {@code tls} the self-signed management
 * certificate. Launched as {@code mesoslab.standin.Main bigip --mgmt ADDR:PORT --user U --password P}.
 */
package mesoslab.standin.bigip;

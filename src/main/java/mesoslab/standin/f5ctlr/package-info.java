/**
 * F5 marathon-bigip-ctlr stand-in: configured with the real controller's {@code MARATHON_URL} and
 * {@code F5_CC_*} environment (or its flags), it reads {@code GET /v2/apps?embed=apps.tasks},
 * turns the v1.1+ {@code F5_*} labels into BIG-IP monitors, pools and virtual servers named as the
 * real one names them, and reconciles each managed partition over plain iControl REST whenever a
 * Marathon event arrives on {@code /v2/events} and every verify interval.
 *
 * <p>The parts that decide what to do are pure and tested without sockets:
 * {@link mesoslab.standin.f5ctlr.desired.DesiredStateBuilder} (Marathon apps to desired objects)
 * and {@link mesoslab.standin.f5ctlr.sync.Differ} (desired vs. current to ordered operations). The
 * clients ({@code marathon/}, {@code bigip/}) and the loop ({@code sync/ControllerLoop}) only move
 * data between them.
 */
package mesoslab.standin.f5ctlr;

/**
 * Transports: one {@link mesoslab.transport.Connection} per host for a whole run, commands as
 * argv (quoted by {@link mesoslab.transport.ShellQuoting}) unless a shell is asked for, atomic
 * uploads. {@code local/} runs on this machine; {@code ssh/} over one SSH session per host.
 * Depends on {@code common}.
 */
package mesoslab.transport;

/**
 * Mesos-lab knowledge, one sub-package per component: clients, checks and the stack modules the
 * verify playbook uses. Depends on {@code verify}, {@code module} and {@code common}; never on the
 * executor, the CLI or the stand-ins.
 */
package mesoslab.stack;

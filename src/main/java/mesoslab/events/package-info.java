/**
 * Run events: the only thing reporters see of a run (a sealed set, so a reporter handles every
 * kind or says why not). Depends on the JDK only.
 */
package mesoslab.events;

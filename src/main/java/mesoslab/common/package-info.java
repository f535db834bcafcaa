/**
 * What every other package may use: the exception tree (each error carries a
 * {@link mesoslab.common.SourceLocation} or a host, plus a hint), {@link mesoslab.common.Secret},
 * and "did you mean" suggestions. Depends on the JDK only.
 */
package mesoslab.common;

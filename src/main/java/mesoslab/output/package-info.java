/**
 * Reporters: the console (the one human stdout) and machine formats. They see run events only.
 * Depends on {@code common} and {@code events}.
 */
package mesoslab.output;

/**
 * The one expression engine, Freemarker: {@code {{ expr }}} inside YAML strings, bare boolean
 * expressions in conditions, and template files. Undefined variables are errors naming the
 * variable, the host and the place. Receives plain maps; knows no inventory. Depends on
 * {@code common}.
 */
package mesoslab.template;

/**
 * Strict YAML loading on SnakeYAML: one document per file, duplicate keys refused, YAML 1.1
 * scalar types as Ansible reads them, and every node keeps its file, line and column.
 * Knows no domain words. Depends on {@code common} only.
 */
package mesoslab.yaml;

/**
 * The playbook model (plays, tasks, handlers) and its loader. Every key is checked against a
 * schema (unknown keys are errors with a "did you mean"), Ansible's short module syntax is
 * parsed, {@code import_playbook} and {@code import_tasks} are expanded. Module names come from a
 * {@link mesoslab.playbook.ModuleCatalog} so this package does not depend on modules.
 * Depends on {@code common} and {@code yaml}.
 */
package mesoslab.playbook;

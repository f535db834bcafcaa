/**
 * From a request to a validated plan: inventory and playbook loaded, each play's hosts (pattern
 * and --limit) and tasks (tags) selected, each host's variable scope built, and every expression
 * that can be checked before the run checked. Nothing here touches a host.
 * Depends on inventory, playbook, vars and template.
 */
package mesoslab.plan;

/**
 * Modules: the unit of change on a host. For now the catalogue of module names the playbook
 * loader validates against; the module SPI and implementations follow with the execution engine.
 */
package mesoslab.module;

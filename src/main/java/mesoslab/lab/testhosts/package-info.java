/**
 * Test hosts on this machine: each a network namespace with its own address in 198.18.0.0/24, an
 * overlay of {@code /} as its root in its own mount namespace, its own hostname, and a real OpenSSH
 * sshd with key login. Used by the {@code *IT} tests; torn down completely afterwards.
 */
package mesoslab.lab.testhosts;

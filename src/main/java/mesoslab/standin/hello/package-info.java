/** The demo app stand-in ("hello"): answers with its task id and host, plus a health endpoint. */
package mesoslab.standin.hello;

/** The {@code quire} command line: picocli commands over {@link dev.quire.studio}, headless. */
package dev.quire.cli;
